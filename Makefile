# DeltaDatabase — the two commands you need are `make run` and `make test`.
SWIFT ?= swift
DATA ?= ./shared/db
REST_ADDR ?= 127.0.0.1:8080
DEV_KEY_FILE ?= .dev-master-key
BIN := .build/debug

.PHONY: run build test bench generate check-generated clean deps

## Start the all-in-one server on $(REST_ADDR) with data in $(DATA).
run:
	$(SWIFT) build --product deltadb
	@scripts/dev-master-key.sh "$(DEV_KEY_FILE)"
	$(BIN)/deltadb -rest-addr=$(REST_ADDR) -shared-fs=$(DATA) -master-key-file=$(DEV_KEY_FILE)

build:
	$(SWIFT) build

## Everything: Swift tests, generated-code drift check, client tests against a live server.
test:
	scripts/test.sh

## Throughput measurements (release build; every workload is bounded in time).
bench:
	$(SWIFT) build -c release --product deltadb-bench
	.build/release/deltadb-bench schema

deps:
	scripts/install-deps.sh

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
