# Podcast Insights: the README's commands. `make run` and `make test` do all the set-up they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell bin/find-jdk)
ifeq ($(JAVA_HOME),)
$(error podcast-insights needs a JDK of 21 or newer; see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
export SAM_CLI_TELEMETRY := 0

PYTHON ?= python3
VENV := .venv
MVN := ./mvnw -B -ntp
CLI_JAR := cli/target/podcast-insights.jar

.PHONY: help run test test-java test-template package venv chromium email-lint clean bench-digest bench-scale bench-coldstart bench-feeds bench-feeds-ab bench-flood bench-churn

help:
	@echo "make run       run the whole pipeline locally on the bundled sample podcasts (no AWS, no internet)"
	@echo "make test      every test: unit, moto-backed adapters, template checks, end to end"
	@echo "make package   build the function jars and the CLI without running tests"
	@echo "make clean     remove build output"
	@echo "make test-hostile  only the hostile-input suite (cli/src/test/java/com/podcastinsights/hostile, docs/operations.md)"
	@echo "make bench-digest  benchmark: the digest to 10,000 subscribers against moto (bench/digest/RESULTS.md)"
	@echo "make bench-scale  benchmark: the digest fan-out, 500,000 readers (embedded) and 10,000 (moto), simulated SES and time"
	@echo "make bench-coldstart  benchmark: each function's cold start vs a hello-world handler (docs/performance.md)"
	@echo "make bench-feeds  feed benchmarks: parser vs ROME, 100,000-item feed in 128 MB, 1,000-feed poll"
	@echo "make bench-feeds-ab BASE_CLASSES=DIR  our parser vs an older build of it (DIR: its classes), thread CPU time, C1 and default JIT"
	@echo "make bench-churn  benchmark: DynamoDB write units of an hourly poll of 1,000 feeds of 300 items, 15% changed, before vs after the known-items set"
	@echo "make bench-flood  benchmark: one feed of 100,000 new items beside 249 honest ones, one FetchFeeds batch on moto"
	@echo "make eval      insight ranking vs a plain TextRank on ../shared/corpus/meetings-dev: hit@5 and ROUGE-1"
	@echo "make bench-insights  warm extraction time of a 30,000-word transcript vs a plain TextRank, same run (production and default JIT flags)"

$(VENV)/.installed: tools/requirements.txt
	@echo "==> creating the Python venv for moto, cfn-lint and aws-sam-cli (pinned in tools/requirements.txt)"
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tools/requirements.txt
	touch $@

venv: $(VENV)/.installed

package:
	$(MVN) -q package -DskipTests
	@for jar in functions/*/target/*-lambda.jar; do functions/check-jar.sh "$$jar" || exit 1; done

$(CLI_JAR):
	$(MVN) -q package -DskipTests

# A fresh out/run (the CLI's default data dir) each time: `make run` shows a whole run, and then `feeds list`,
# `digest preview` and the rest find it without --data; a replay is `bin/podcast-insights run --sample`.
run: package
	rm -rf out/run
	bin/podcast-insights run --sample

test: test-java test-template

# Debian's chromium, for the email's browser test (DigestBrowserTest). Nothing to do when it is there; without
# root or apt the install fails with a warning and that one test skips with its reason.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "==> installing chromium (headless browser check of the digest email)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
	  || echo "warning: chromium could not be installed; the email browser test will be skipped" >&2; }

# doiuse-email (the Can I Email data), pinned in tools/email-lint/package-lock.json and installed with `npm ci`,
# for EmailLintTest's check of the digest's HTML against the major clients (docs/email.md).
EMAIL_LINT := tools/email-lint/node_modules/.installed
$(EMAIL_LINT): tools/email-lint/package-lock.json
	@echo "==> installing doiuse-email (pinned in tools/email-lint/package-lock.json) for the email's client check"
	cd tools/email-lint && npm ci --no-audit --no-fund --loglevel=error
	touch $@

email-lint: $(EMAIL_LINT)

test-java: venv chromium email-lint
	$(MVN) verify -Dmoto.server=$(CURDIR)/$(VENV)/bin/moto_server

# cfn-lint as CI enforces it: its informational (I) and experimental rules too, and the project's security rules
# (tools/cfn-lint/security-rules.txt: public access, encryption, PITR, TTL, retention, failure destinations, alarm
# actions). I4010 is left out: it asks for an AI "Context" metadata block on every resource, which is not a
# correctness or security check (the template's comments say why each resource exists).
CFN_LINT_STRICT := --include-checks I --include-experimental --ignore-checks I4010 \
  --custom-rules tools/cfn-lint/security-rules.txt

# The template's checks that need no AWS account: cfn-lint (it applies the SAM transform itself), sam validate
# --lint, the IAM that SAM generates (no wildcard actions), and `sam build` exactly as the README runs it (the
# function Makefiles build each module with the Maven wrapper; samconfig.toml builds in source).
# TemplateTest (in test-java) checks the template against the code.
test-template: venv
	@echo "==> cfn-lint (strict)"
	$(VENV)/bin/cfn-lint $(CFN_LINT_STRICT) -- template.yaml
	@echo "==> cfn-lint (strict) on the SAM-expanded template: custom rules do not see what SAM generates"
	AWS_DEFAULT_REGION=us-east-1 $(VENV)/bin/python tools/cfn-lint/expand_sam.py template.yaml .aws-sam/expanded-template.json
	$(VENV)/bin/cfn-lint $(CFN_LINT_STRICT) -- .aws-sam/expanded-template.json
	@echo "==> each security rule fires on a template that breaks it"
	$(VENV)/bin/python tools/cfn-lint/check_rules.py $(VENV)/bin/cfn-lint
	@echo "==> sam validate --lint"
	$(VENV)/bin/sam validate --lint --template-file template.yaml --region us-east-1
	@echo "==> IAM of the expanded template"
	AWS_DEFAULT_REGION=us-east-1 $(VENV)/bin/python cli/src/test/resources/template/check_transformed.py template.yaml
	@echo "==> sam build"
	PATH=$(CURDIR)/$(VENV)/bin:$(PATH) sam build

.PHONY: test-hostile
test-hostile:
	$(MVN) -q -pl cli -am test -Dtest='com.podcastinsights.hostile.**' -Dsurefire.failIfNoSpecifiedTests=false

clean:
	$(MVN) -q clean
	rm -rf .aws-sam out

# Not a test: sends one day's digest to 10,000 subscribers against moto and reports sends/s, duplicates and gaps.
bench-digest: venv
	$(MVN) -q -Pbench -pl bench/digest -am test -Dtest=DigestSendBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dmoto.server=$(CURDIR)/$(VENV)/bin/moto_server
	cat bench/digest/target/digest-bench.txt

# Not a test: one simulated day of the digest fan-out (planner, queue, 20 paced senders, SES at 200/s rejecting
# 0.1%): 500,000 readers on the embedded adapters, then 10,000 on moto (bench/scale/RESULTS.md).
bench-scale: venv
	rm -f bench/scale/target/scale-bench.md
	$(MVN) -q -Pbench -pl bench/scale -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dmoto.server=$(CURDIR)/$(VENV)/bin/moto_server
	cat bench/scale/target/scale-bench.md

# Not a test: one FetchFeeds batch of 250 feeds, one of them 100,000 new items, against moto, beside a baseline
# batch of 250 honest feeds in the same run (docs/operations.md, "One feed stalls its batch").
bench-flood: venv
	$(MVN) -q -Pbench -pl bench/flood -am test -Dtest=FloodBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dmoto.server=$(CURDIR)/$(VENV)/bin/moto_server
	cat bench/flood/target/flood-bench.txt

# Cold start of each function's jar in a fresh JVM against moto, beside a hello-world handler in the same run.
bench-coldstart: venv
	bench/coldstart --runs 5 --variants lambda,c2,snapstart
# Feed benchmarks (docs/performance-feeds.md): built with the `bench` Maven profile so ROME never reaches the
# Lambda jars or the tests. The parser comparison reads the reference corpus beside the project
# (../shared/corpus/feeds, or FEED_CORPUS=DIR) and is skipped without it.
FEED_CORPUS ?= $(CURDIR)/../shared/corpus/feeds
bench-feeds:
	$(MVN) -q -Pbench -pl bench/feeds -am package -DskipTests
	$(JAVA_HOME)/bin/java -cp "bench/feeds/target/classes:bench/feeds/target/lib/*" \
	  com.podcastinsights.bench.FeedBenchmarks "$(FEED_CORPUS)" bench/feeds/target/scratch
# Not a test: this parser against another build of it (BASE_CLASSES, that build's class dir, e.g. a worktree of
# 1f3d399 built with `./mvnw -q -pl shared -am package -DskipTests` -> shared/target/classes), thread CPU time,
# same JVM, builds alternating; once with C1 only (as Lambda) and once with the default JIT
# (docs/performance-feeds.md, "Parser against its own baseline").
bench-feeds-ab:
	@test -d "$(BASE_CLASSES)" || { echo "BASE_CLASSES=DIR (the baseline build's classes) is required"; exit 2; }
	$(MVN) -q -Pbench -pl bench/feeds -am package -DskipTests
	for jit in -XX:TieredStopAtLevel=1 -XX:+TieredCompilation; do \
	  $(JAVA_HOME)/bin/java $$jit -cp "bench/feeds/target/classes:bench/feeds/target/lib/*" \
	    com.podcastinsights.bench.ParserAB "$(FEED_CORPUS)" base=$(BASE_CLASSES) current=core/target/classes; \
	done
# Not a test: the write units of FetchFeeds' hourly poll before and after the known-items set, same run
# (bench/feeds/RESULTS.md).
bench-churn:
	$(MVN) -q -Pbench -pl bench/feeds -am package -DskipTests
	$(JAVA_HOME)/bin/java -Xmx3g -cp "bench/feeds/target/classes:bench/feeds/target/lib/*" \
	  com.podcastinsights.bench.ChurnBench bench/feeds/target/churn-bench.md
# Insight ranking quality (docs/quality.md). The corpus and the hit@5 judge live outside the project; both
# measurements are skipped with a message when they are absent.
CORPUS ?= ../shared/corpus
JUDGE ?= ../shared/tools/insight_eval.py
.PHONY: eval bench-insights

eval: package
	@if [ ! -d "$(CORPUS)/meetings-dev/extractive" ]; then \
	  echo "make eval: skipped, no corpus at $(CORPUS)/meetings-dev (set CORPUS=path/to/corpus)"; exit 0; fi; \
	if [ -f "$(JUDGE)" ]; then \
	  echo "==> hit@5 on $(CORPUS)/meetings-dev/extractive (ours vs TextRank, same run)"; \
	  $(PYTHON) $(JUDGE) bin/podcast-insights $(CORPUS)/meetings-dev/extractive || exit 1; \
	else echo "make eval: hit@5 skipped, no judge at $(JUDGE) (set JUDGE=path/to/insight_eval.py)"; fi; \
	echo "==> ROUGE-1 F1 on $(CORPUS)/meetings-dev/abstractive (ours vs TextRank, same run)"; \
	$(PYTHON) bench/insights/rouge_eval.py bin/podcast-insights $(CORPUS)/meetings-dev/abstractive

# With the flags the template gives ExtractInsights (C1 only), then with the JVM's default (C1 then C2).
bench-insights: package
	@echo "==> production flags: -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
	$(JAVA_HOME)/bin/java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp core/target/classes bench/insights/ExtractionBench.java
	@echo "==> default flags (C2)"
	$(JAVA_HOME)/bin/java -cp core/target/classes bench/insights/ExtractionBench.java
