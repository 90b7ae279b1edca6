# Release Composer: the two commands are `make run` and `make test`.
# Both install what they need first (scripts/deps.sh).

.PHONY: run test deps lint rust-test ui-test e2e bench package package-test licences bindings example

run:
	scripts/deps.sh run
	scripts/run.sh

# As another user than root: make test TEST_FLAGS=--without-root-tests
# (skips the package test and the tmpfs test, and says so).
test:
	scripts/deps.sh test
	scripts/test.sh $(TEST_FLAGS)

# Parts of make test.
rust-test:
	scripts/deps.sh test
	cd ui && npm run -s build
	cargo test --workspace --no-fail-fast

ui-test:
	scripts/deps.sh run
	cd ui && npm run -s check && npm run -s lint && npm run -s test

e2e:
	scripts/deps.sh test
	tests/e2e/run.sh

deps:
	scripts/deps.sh test

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

bench:
	cargo bench --workspace

example:
	mkdir -p out
	cargo run -q -p release-cli -- export templates/example.release.json --pdf out/example.pdf --docx out/example.docx

# The installable .deb (target/release/bundle/deb/); see README, "Packages".
package:
	scripts/deps.sh run
	scripts/package.sh

# Installs the .deb (built if missing), starts the installed app under Xvfb,
# opens a draft by path in a second launch, removes the package. Needs root.
package-test:
	scripts/deps.sh test
	tests/package/run.sh

# Regenerates the committed lists the tests compare against.
licences:
	UPDATE_LICENCES=1 cargo test -q -p release-composer-app licences

bindings:
	UPDATE_BINDINGS=1 cargo test -q -p release-composer-app bindings
