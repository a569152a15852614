# DeltaDatabase — the two commands you need are `make run` and `make test`.
SWIFT ?= swift
DATA ?= ./shared/db
REST_ADDR ?= 127.0.0.1:8080
DEV_KEY_FILE ?= .dev-master-key
BIN := .build/debug

.PHONY: run run-debug build test test-deploy bench bench-scale generate check-generated console check-console clean deps load-examples

## Start the all-in-one server on $(REST_ADDR) with data in $(DATA): a release build
## (what you measure is what you get), serving over the direct path.
run:
	$(SWIFT) build -c release --product deltadb
	@scripts/dev-master-key.sh "$(DEV_KEY_FILE)"
	.build/release/deltadb -rest-addr=$(REST_ADDR) -shared-fs=$(DATA) -master-key-file=$(DEV_KEY_FILE)

## The same server from a debug build (faster to rebuild while developing).
run-debug:
	$(SWIFT) build --product deltadb
	@scripts/dev-master-key.sh "$(DEV_KEY_FILE)"
	$(BIN)/deltadb -rest-addr=$(REST_ADDR) -shared-fs=$(DATA) -master-key-file=$(DEV_KEY_FILE)

## Load the example schemas (examples/schemas/*.json) into a running server:
## `ADMIN_KEY=... make load-examples` (REST_ADDR as for `make run`).
load-examples:
	@test -n "$$ADMIN_KEY" || { echo "set ADMIN_KEY to the server's admin key"; exit 1; }
	@for file in examples/schemas/*.json; do \
	  id=$$(basename $$file .json); \
	  printf '%s: ' "$$id"; \
	  curl -sS --fail-with-body -X PUT "http://$(REST_ADDR)/schema/$$id" -H "Authorization: Bearer $$ADMIN_KEY" \
	    -H 'Content-Type: application/json' --data-binary @$$file || exit 1; \
	  echo; \
	done

build:
	$(SWIFT) build

## Everything: Swift tests, generated-code drift check, then the system tests
## (Tests/System, pytest: processes, clusters, TLS, fuzzing, schemas, client suites).
## Select system tests with PYTEST_ARGS, e.g. make test PYTEST_ARGS="-k cluster".
test:
	scripts/test.sh $(PYTEST_ARGS)

## The container tests (podman): the image built from the binaries `make test` built,
## run and stopped; the compose split scenario surviving a worker kill. Installs
## podman and makes a local Debian base image the first time (scripts/test-deploy.sh).
test-deploy:
	scripts/test-deploy.sh $(PYTEST_ARGS)

BENCH_PRODUCTS := deltadb main-worker proc-worker deltadb-bench

## Throughput and latency against this machine's ceilings (nginx, etcd, fsync); one
## table, bench/results/latest.json. Release build; every workload is bounded in time.
bench:
	bench/install-bench-deps.sh
	@for product in $(BENCH_PRODUCTS); do $(SWIFT) build -c release --product $$product || exit 1; done
	python3 bench/bench.py

## Many entities on disk (BENCH_SCALE_N, default 1000000): load time, listing, cold GET,
## start-up, RSS; bench/results/scale.json. See docs/performance.md.
bench-scale:
	bench/install-bench-deps.sh
	$(SWIFT) build -c release --product deltadb
	python3 bench/bench_scale.py

## What make test needs: apt packages and Tests/System/requirements.txt (idempotent).
deps:
	scripts/install-deps.sh

## Rebuild the web console (console/) into Sources/ConsoleAssets/Generated (needs tsc); see docs/console.md.
console:
	console/build.sh

## Fail if the committed console assets differ from a fresh build of console/.
check-console:
	console/build.sh --check

## Regenerate Sources/Generated, the Swift SDK and the Python/TypeScript clients from spec/.
generate:
	$(SWIFT) build --product deltadb-codegen
	$(BIN)/deltadb-codegen generate --root .

## Fail if any generated file differs from what spec/ produces.
check-generated:
	$(SWIFT) build --product deltadb-codegen
	$(BIN)/deltadb-codegen check --root .

clean:
	rm -rf .build

## Build the libFuzzer targets and run each for FUZZ_SECONDS (default 60); see scripts/fuzz.sh.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz:
	scripts/fuzz.sh --seconds $(FUZZ_SECONDS)
