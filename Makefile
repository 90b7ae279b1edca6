# Release Composer: the two commands are `make run` and `make test`.
# Both install what they need first (scripts/deps.sh).

.PHONY: run test deps lint rust-test ui-test e2e bench package example

run:
	scripts/deps.sh run
	scripts/run.sh

test:
	scripts/deps.sh test
	scripts/test.sh

deps:
	scripts/deps.sh test

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

bench:
	cargo bench --workspace

example:
	cargo run -q -p release-cli -- export templates/example.release.json --pdf out/example.pdf --docx out/example.docx
