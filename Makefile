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

.PHONY: help run test test-java test-template package venv clean

help:
	@echo "make run       run the whole pipeline locally on the bundled sample podcasts (no AWS, no internet)"
	@echo "make test      every test: unit, moto-backed adapters, template checks, end to end"
	@echo "make package   build the function jars and the CLI without running tests"
	@echo "make clean     remove build output"
	@echo "make eval      insight ranking vs a plain TextRank on ../shared/corpus/meetings-dev: hit@5 and ROUGE-1"
	@echo "make bench     warm extraction time of a 30,000-word transcript vs a plain TextRank, same run"

$(VENV)/.installed: tools/requirements.txt
	@echo "==> creating the Python venv for moto, cfn-lint and aws-sam-cli (pinned in tools/requirements.txt)"
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tools/requirements.txt
	touch $@

venv: $(VENV)/.installed

package:
	$(MVN) -q package -DskipTests

$(CLI_JAR):
	$(MVN) -q package -DskipTests

run: package
	bin/podcast-insights run --sample --out out/run

test: test-java test-template

test-java: venv
	$(MVN) verify -Dmoto.server=$(CURDIR)/$(VENV)/bin/moto_server

# The template's checks that need no AWS account: cfn-lint (it applies the SAM transform itself), sam validate
# --lint, the IAM that SAM generates (no wildcard actions), and `sam build` exactly as the README runs it (the
# function Makefiles build each module with the Maven wrapper; samconfig.toml builds in source).
# TemplateTest (in test-java) checks the template against the code.
test-template: venv
	@echo "==> cfn-lint"
	$(VENV)/bin/cfn-lint template.yaml
	@echo "==> sam validate --lint"
	$(VENV)/bin/sam validate --lint --template-file template.yaml --region us-east-1
	@echo "==> IAM of the expanded template"
	AWS_DEFAULT_REGION=us-east-1 $(VENV)/bin/python cli/src/test/resources/template/check_transformed.py template.yaml
	@echo "==> sam build"
	PATH=$(CURDIR)/$(VENV)/bin:$(PATH) sam build

clean:
	$(MVN) -q clean
	rm -rf .aws-sam out

# Insight ranking quality (docs/quality.md). The corpus and the hit@5 judge live outside the project; both
# measurements are skipped with a message when they are absent.
CORPUS ?= ../shared/corpus
JUDGE ?= ../shared/tools/insight_eval.py
.PHONY: eval bench

eval: package
	@if [ ! -d "$(CORPUS)/meetings-dev/extractive" ]; then \
	  echo "make eval: skipped, no corpus at $(CORPUS)/meetings-dev (set CORPUS=path/to/corpus)"; exit 0; fi; \
	if [ -f "$(JUDGE)" ]; then \
	  echo "==> hit@5 on $(CORPUS)/meetings-dev/extractive (ours vs TextRank, same run)"; \
	  $(PYTHON) $(JUDGE) bin/podcast-insights $(CORPUS)/meetings-dev/extractive || exit 1; \
	else echo "make eval: hit@5 skipped, no judge at $(JUDGE) (set JUDGE=path/to/insight_eval.py)"; fi; \
	echo "==> ROUGE-1 F1 on $(CORPUS)/meetings-dev/abstractive (ours vs TextRank, same run)"; \
	$(PYTHON) bench/insights/rouge_eval.py bin/podcast-insights $(CORPUS)/meetings-dev/abstractive

bench: package
	$(JAVA_HOME)/bin/java -cp shared/target/classes bench/insights/ExtractionBench.java
