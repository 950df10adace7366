package org.textdesk.system;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The one clustered scheduler of background work (db-scheduler): every {@link Task} bean of any module is
 * registered with it, and any module schedules an instance through the {@link SchedulerClient} bean. Instances
 * live in the scheduled_tasks table (Flyway V10): each is picked by one instance of TextDesk (on PostgreSQL in one
 * statement that locks a share of the due ones, skipping those another instance holds; elsewhere with a conditional
 * update per execution), so two instances never run it twice, and one that died with it picked (kill -9) is taken up again by
 * another once its heartbeats stop. Scheduling inside a Spring transaction joins it, so a task is written together
 * with the rows it is about, or not at all.
 *
 * <p>Its Spring Boot starter is written for Boot 3's auto-configuration, so it is wired here. The running
 * {@link Scheduler} is a lifecycle: made and started once the web server is up (tasks may call the application
 * itself over HTTP), stopped before it; a stopped db-scheduler cannot start again, so each start makes a new one.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** Fetch again when fewer than half the threads have work waiting (db-scheduler's own recommendation). */
    private static final double LOWER_LIMIT_FRACTION = 0.5;
    /** Each instance takes at most as many executions as it has threads: those it takes, no other can run. */
    private static final double UPPER_LIMIT_FRACTION = 1.0;

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks.orderedStream()
                .toList()).build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(DataSource dataSource, ObjectProvider<Task<?>> tasks, DatabaseProduct database,
            @Value("${textdesk.scheduler.polling-interval:1s}") Duration pollingInterval,
            @Value("${textdesk.scheduler.threads:8}") int threads,
            @Value("${spring.application.name:textdesk}") String applicationName) {
        return new SchedulerLifecycle(() -> newScheduler(dataSource, tasks.orderedStream().toList(), pollingInterval,
                threads, applicationName, database.isPostgres()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Scheduler newScheduler(DataSource dataSource, List<Task<?>> all, Duration pollingInterval,
            int threads, String applicationName, boolean postgres) {
        List<Task<?>> plain = all.stream().filter(task -> !(task instanceof OnStartup)).toList();
        List startTasks = all.stream().filter(OnStartup.class::isInstance).toList();
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), plain);
        if (postgres) {
            // With the default strategy every instance fetches the same oldest due executions and then races to
            // pick each one; a backlog of thousands due at one moment (a reminder batch) was picked a dozen at a
            // time per poll. Lock-and-fetch takes each instance's share in one statement (select ... for update
            // skip locked), so instances never contend, and fetches again as soon as the share runs low.
            builder = builder.pollUsingLockAndFetch(LOWER_LIMIT_FRACTION, UPPER_LIMIT_FRACTION)
                    .jdbcCustomization(new KnownTasksLockAndFetch(all.stream().map(Task::getName).toList()));
        }
        return builder.startTasks(startTasks)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(20))
                .threads(threads)
                .schedulerName(new SchedulerName.Fixed(applicationName + "-" + UUID.randomUUID()))
                .build();
    }

    private static final class SchedulerLifecycle implements SmartLifecycle {

        private final java.util.function.Supplier<Scheduler> factory;
        private volatile Scheduler running;

        SchedulerLifecycle(java.util.function.Supplier<Scheduler> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized void start() {
            if (running == null) {
                Scheduler scheduler = factory.get();
                scheduler.start();
                running = scheduler;
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }

        /** After the web server starts (its phase is lower), and stopped before it. */
        @Override
        public int getPhase() {
            return SmartLifecycle.DEFAULT_PHASE;
        }
    }
}
