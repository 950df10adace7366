package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.IntegrationTest;
import org.textdesk.TcpProxy;

/**
 * A recurring job of the clustered scheduler ({@link RecurringJobs}) on a real db-scheduler and PostgreSQL: the
 * database goes away in the middle of a run (a {@link TcpProxy} between them is cut), so the run fails and its next
 * run cannot be written; the log says once that the database is unreachable, with no stack trace, and the job runs
 * again as soon as the database is back. A failure that is not the database's is logged with its stack trace and the
 * job still runs again.
 */
class RecurringJobsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listenToTheLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void forgetTheTestJobs() {
        root.detachAppender(log);
        jdbc.update("delete from scheduled_tasks where task_name like 'recurring-jobs-test-%'");
    }

    @Test
    void aRunDuringWhichTheDatabaseWentAwayIsSaidOnceAndTheJobRunsAgainWhenItIsBack() throws Exception {
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        URI database = URI.create(main.getJdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
                HikariDataSource proxied = new HikariDataSource()) {
            proxied.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath());
            proxied.setUsername(main.getUsername());
            proxied.setPassword(main.getPassword());
            proxied.setConnectionTimeout(1000);
            proxied.setValidationTimeout(500);
            proxied.setMaximumPoolSize(4);
            RecurringJobs jobs = new RecurringJobs(new DatabaseAvailability(proxied));
            AtomicInteger runs = new AtomicInteger();
            Task<Void> job = jobs.withFixedDelay("recurring-jobs-test-outage", Duration.ofMillis(200), () -> {
                if (runs.incrementAndGet() == 2) {
                    proxy.cut(); // the database goes away in the middle of the second run, which then needs it
                    new JdbcTemplate(proxied).queryForObject("select 1", Integer.class);
                }
            });
            Scheduler scheduler = scheduler(proxied, job);
            try {
                await("the second run").atMost(Duration.ofSeconds(15)).until(() -> runs.get() >= 2);
                Thread.sleep(3000);
                assertThat(runs.get()).as("no run while the database is away").isEqualTo(2);
                proxy.restore();
                await("runs again once the database is back").atMost(Duration.ofSeconds(15))
                        .until(() -> runs.get() >= 4);
            } finally {
                scheduler.stop();
            }
        }

        // the driver's words in the brackets depend on where the cut caught the connection
        assertThat(warningsOrWorse()).singleElement().asString()
                .startsWith("org.textdesk.system.DatabaseAvailability: The database cannot be reached (")
                .endsWith("): pages and webhooks answer 503 until it is back; checking again every 1 s");
        assertThat(log.list).filteredOn(this::ours).filteredOn(event -> event.getThrowableProxy() != null).isEmpty();
        assertThat(log.list).filteredOn(this::ours).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Job recurring-jobs-test-outage: its next run cannot be written while the database is "
                        + "unreachable; waiting for the database");
    }

    @Test
    void aFailureThatIsNotTheDatabasesIsLoggedWithItsStackTraceAndTheJobRunsAgain() throws Exception {
        RecurringJobs jobs = new RecurringJobs(new DatabaseAvailability(dataSource));
        AtomicInteger runs = new AtomicInteger();
        Task<Void> job = jobs.withFixedDelay("recurring-jobs-test-bug", Duration.ofMillis(200), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("a bug in the job");
        });
        Scheduler scheduler = scheduler(dataSource, job);
        try {
            await("three runs").atMost(Duration.ofSeconds(15)).until(() -> runs.get() >= 3);
        } finally {
            scheduler.stop();
        }

        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR && event.getThrowableProxy() != null
                && "a bug in the job".equals(event.getThrowableProxy().getMessage())).hasSizeGreaterThanOrEqualTo(3);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Scheduler scheduler(DataSource dataSource, Task<Void> job) {
        Scheduler scheduler = Scheduler.create(dataSource).startTasks((RecurringTask) job)
                .pollingInterval(Duration.ofMillis(200))
                .schedulerName(new SchedulerName.Fixed("recurring-jobs-test"))
                .threads(1)
                .build();
        scheduler.start();
        return scheduler;
    }

    /** The log of db-scheduler and of TextDesk's system module (other contexts' jobs run meanwhile, elsewhere). */
    private boolean ours(ILoggingEvent event) {
        return (event.getLoggerName().startsWith("com.github.kagkarlsson")
                || event.getLoggerName().startsWith("org.textdesk.system"))
                && !event.getThreadName().startsWith("main");
    }

    private List<String> warningsOrWorse() {
        return log.list.stream().filter(this::ours).filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
    }
}
