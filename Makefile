# Release Composer: the two commands are `make run` and `make test`.
# Both install what they need first (scripts/deps.sh).

.PHONY: run test deps lint rust-test ui-test e2e bench package package-test licences bindings example goldens typography

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

# Every figure next to its goal (scripts/bench.sh; --no-app leaves the window out).
bench:
	scripts/deps.sh bench
	scripts/bench.sh $(BENCH_FLAGS)

# The example's justified lines as pdfplumber reads them (scripts/typography.py).
typography:
	scripts/deps.sh test
	mkdir -p out
	cargo run -q -p release-cli -- export templates/example.release.json --pdf out/example.pdf
	.tools/venv/bin/python scripts/typography.py out/example.pdf

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

# Accepts changed golden files, on purpose. The golden tests only compare:
# on a difference they fail and leave what they got beside the reference
# (NAME.new; insta's NAME.snap.new). This runs them, shows each new version
# against its reference, moves it over the reference (without the line
# number insta writes into a pending snapshot's header, as `cargo insta
# accept` does) and runs them again.
# Review the diff and say in the commit why the reference changed.
GOLDEN_TESTS = -p release-pdf --test golden -p release-style --test styles -p release-docx --test snapshot
goldens:
	find crates -path '*/tests/*' -name '*.new' -delete
	-INSTA_UPDATE=new cargo test -q --no-fail-fast $(GOLDEN_TESTS)
	@set -e; changed=0; \
	for new in $$(find crates -path '*/tests/*' -name '*.new' | sort); do \
	  old="$${new%.new}"; changed=$$((changed + 1)); \
	  case "$$new" in *.snap.new) sed -i '1,/^---$$/{/^assertion_line: /d;}' "$$new";; esac; \
	  if [ -f "$$old" ]; then echo "== changed: $$old"; diff -u "$$old" "$$new" || true; \
	  else echo "== new: $$old"; cat "$$new"; fi; \
	  mv "$$new" "$$old"; \
	done; \
	echo "goldens: $$changed file(s) accepted"
	cargo test -q $(GOLDEN_TESTS)
