package org.textdesk.system;

import com.github.kagkarlsson.scheduler.Scheduler;
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
 * registered with it, and any module schedules an instance through the {@link Scheduler} bean
 * ({@code SchedulerClient}). Instances live in the scheduled_tasks table (Flyway V10): each is picked by one
 * instance of TextDesk with a conditional update, so two instances never run it twice, and one that died with
 * it picked (kill -9) is taken up again by another once its heartbeats stop. Scheduling inside a Spring
 * transaction joins it, so a task is written together with the rows it is about, or not at all.
 *
 * <p>Its Spring Boot starter is written for Boot 3's auto-configuration, so it is wired here: started once
 * the web server is up (tasks may call the application itself over HTTP) and stopped before it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "")
    @SuppressWarnings({"rawtypes", "unchecked"})
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
            @Value("${textdesk.scheduler.polling-interval:1s}") Duration pollingInterval,
            @Value("${textdesk.scheduler.threads:4}") int threads,
            @Value("${spring.application.name:textdesk}") String applicationName) {
        List<Task<?>> all = tasks.orderedStream().toList();
        List<Task<?>> plain = all.stream().filter(task -> !(task instanceof OnStartup)).toList();
        List startTasks = all.stream().filter(OnStartup.class::isInstance).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), plain)
                .startTasks(startTasks)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(10))
                .threads(threads)
                .schedulerName(new SchedulerName.Fixed(applicationName + "-" + UUID.randomUUID()))
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** After the web server starts (its phase is lower), before it stops. */
            @Override
            public int getPhase() {
                return SmartLifecycle.DEFAULT_PHASE;
            }
        };
    }
}
