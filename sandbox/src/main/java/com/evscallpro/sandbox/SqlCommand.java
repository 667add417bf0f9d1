package com.evscallpro.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * One SQL statement against a database, what {@code psql -c} does (the embedded PostgreSQL ships no psql):
 * {@code SqlCommand <jdbc-url> <user> <password> <statement>}. A query prints its rows, one a line, columns separated
 * by tabs; an update prints the number of rows changed. Used by {@code scripts/production-check.sh}.
 */
public final class SqlCommand {

    private SqlCommand() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            System.err.println("usage: SqlCommand <jdbc-url> <user> <password> <statement>");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement()) {
            if (statement.execute(args[3])) {
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringJoiner line = new StringJoiner("\t");
                        for (int i = 1; i <= columns; i++) {
                            line.add(String.valueOf(rows.getString(i)));
                        }
                        System.out.println(line);
                    }
                }
            } else {
                System.out.println(statement.getUpdateCount());
            }
        }
    }
}
