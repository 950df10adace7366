package org.textdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The bench's own PostgreSQL databases, created fresh: 127.0.0.1:5432, user postgres (override with -Dbench.pg.*). */
final class BenchDb {

    static final String HOST = System.getProperty("bench.pg.host", "127.0.0.1");
    static final String PORT = System.getProperty("bench.pg.port", "5432");
    static final String USER = System.getProperty("bench.pg.user", "postgres");

    private BenchDb() {
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** Drops (forcing connections off) and creates the database. */
    static void recreate(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    static void execute(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    static long queryLong(String database, String query) throws SQLException {
        try (Connection connection = connect(database); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
