package org.textdesk.system;

import com.github.kagkarlsson.scheduler.StringUtils;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.time.Instant;
import java.util.List;

/**
 * db-scheduler's lock-and-fetch on PostgreSQL, limited to the tasks this instance knows. The library's own statement
 * locks every due execution and only then finds out which tasks it cannot run; those stay picked until dead-execution
 * detection, so during a rolling release an older instance would sit on the executions of a task only the newer one
 * has. Naming the known tasks in the statement leaves those to the instances that can run them.
 */
final class KnownTasksLockAndFetch extends PostgreSqlJdbcCustomization {

    private final String[] taskNames;

    KnownTasksLockAndFetch(List<String> taskNames) {
        super(false, false);
        this.taskNames = taskNames.toArray(String[]::new);
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(JdbcTaskRepositoryContext context, Instant now, int limit,
            boolean orderByPriority) {
        String order = orderByPriority ? " order by priority desc, execution_time asc" : " order by execution_time asc";
        String sql = "with locked_executions as (update " + context.tableName + " st1 set picked = ?, picked_by = ?,"
                + " last_heartbeat = ?, version = version + 1 where (st1.task_name, st1.task_instance) in ("
                + "select st2.task_name, st2.task_instance from " + context.tableName + " st2"
                + " where picked = ? and execution_time <= ? and task_name = any (?)" + order
                + " for update skip locked limit " + limit + ") returning st1.*) select * from locked_executions"
                + order;
        return context.jdbcRunner.query(sql, statement -> {
            statement.setBoolean(1, true);
            statement.setString(2, StringUtils.truncate(context.schedulerName.getName(), 50));
            setInstant(statement, 3, now);
            statement.setBoolean(4, false);
            setInstant(statement, 5, now);
            statement.setArray(6, statement.getConnection().createArrayOf("text", taskNames));
        }, context.resultSetMapper.get());
    }
}
