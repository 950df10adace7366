package org.textdesk;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application runs on the calling thread, for tests that prove a page
 * runs a bounded number of them whatever the number of rows (no N+1). MockMvc serves a request on the
 * test's thread, so {@code SqlStatements.count(() -> mvc.get()...)} counts exactly that request's
 * statements, and nothing any other thread runs. Every statement prepared or created on a connection
 * of the application's DataSource counts once (JdbcTemplate and Hibernate prepare one per statement
 * run; Spring Session's statements are left out); outside {@link #count} nothing is recorded, so the wrapper costs the other tests nothing.
 */
public final class SqlStatements {

    private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    private SqlStatements() {
    }

    /** The result of the action and the SQL of every statement it ran, in order. */
    public record Counted<T>(T result, List<String> statements) {

        public int count() {
            return statements.size();
        }
    }

    public static <T> Counted<T> count(Supplier<T> action) {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            T result = action.get();
            return new Counted<>(result, List.copyOf(statements));
        } finally {
            recording.remove();
        }
    }

    /**
     * Spring Session's own reads and writes of the HTTP session are the same few for every request,
     * whatever the page shows, so they are not the page's statements.
     */
    private static void record(String sql) {
        List<String> statements = recording.get();
        if (statements != null && !sql.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION")) {
            statements.add(sql);
        }
    }

    /** Wraps the application's DataSource; imported by {@link IntegrationTest} so every test shares one context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor sqlStatementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(dataSource) : bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            InvocationHandler handler = (proxy, method, arguments) -> {
                switch (method.getName()) {
                    case "prepareStatement", "prepareCall" -> record((String) arguments[0]);
                    case "createStatement" -> record("(statement)");
                    case "equals" -> {
                        return proxy == arguments[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    default -> {
                    }
                }
                try {
                    return method.invoke(connection, arguments);
                } catch (InvocationTargetException thrown) {
                    throw thrown.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }
    }
}
