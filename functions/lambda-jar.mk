# The one build rule behind every functions/<name>/Makefile, which sets MODULE (the Maven module under
# functions/), FUNCTION (the template's logical id) and HERE (its own folder) and includes this file.
# Run by `sam build` (template.yaml: Metadata BuildMethod makefile) with ARTIFACTS_DIR set.
# Paths come from the Makefile's location, not the working directory, so the target works when SAM builds in
# source (samconfig.toml: build_in_source). `clean` keeps classes of deleted or renamed sources out of the
# Lambda jar. Builds run one at a time (no --parallel): each one rebuilds core and adapters-aws.
# functions/check-jar.sh fails the build on a jar of 15,000,000 bytes or more, or one that holds a local
# adapter class.
ROOT := $(realpath $(HERE)/../..)

.PHONY: build-$(FUNCTION)

build-$(FUNCTION):
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 1; }
	cd "$(ROOT)" && JAVA_HOME="$$(bin/find-jdk)" && export JAVA_HOME && \
	  ./mvnw -B -ntp -q -f pom.xml -pl functions/$(MODULE) -am clean package -DskipTests
	@set -e; jars=$$(ls "$(HERE)"/target/*-lambda.jar); \
	  test $$(echo "$$jars" | wc -l) -eq 1 || { echo "expected one shaded jar, found: $$jars" >&2; exit 1; }; \
	  "$(HERE)/../check-jar.sh" "$$jars"; \
	  mkdir -p "$(ARTIFACTS_DIR)/lib"; cp "$$jars" "$(ARTIFACTS_DIR)/lib/"; \
	  echo "$(MODULE): $$(basename $$jars) -> $(ARTIFACTS_DIR)/lib/"
