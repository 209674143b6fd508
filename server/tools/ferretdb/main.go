// Command ferretdb runs FerretDB's embeddable engine with the SQLite backend for Zhike's
// embedded database. Upstream's own cmd/ferretdb panics when built outside its repository
// (it requires a generated build/version/version.txt), so we embed its public package instead.
//
// --postgresql-url switches to FerretDB's PostgreSQL backend (opt-in, for benchmarks at scale): it
// pushes equality filters down to PostgreSQL, which SQLite's backend does not, and postgresql.go makes
// PostgreSQL answer them from indexes. The default (SQLite) is unchanged.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite URI of the data directory (one file per database)")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL; when set, the PostgreSQL backend is used instead of SQLite")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("invalid --log-level %q: %v", *logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
	}
	if *postgresqlURL != "" {
		prepared, err := preparePostgreSQL(context.Background(), *postgresqlURL)
		if err != nil {
			log.Fatal(err)
		}
		config.Handler = "postgresql"
		config.PostgreSQLURL = prepared
	}

	engine, err := ferretdb.New(config)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	// The parent process waits for this line before connecting.
	logger.Warn("ready", "listen", *listenAddr)
	if err := engine.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatal(err)
	}
}
