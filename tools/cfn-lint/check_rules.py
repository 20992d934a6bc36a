"""Proves that every rule of security-rules.txt can fail: cfn-lint with those rules must report each rule's id
on insecure-fixture.yaml, which breaks each rule at least once. Run by `make test-template`:

    .venv/bin/python tools/cfn-lint/check_rules.py .venv/bin/cfn-lint
"""
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).parent


def expected_ids(rules_file):
    ids = set()
    for number, line in enumerate(rules_file.read_text().splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            ids.add(f"E{9000 + number}")
    return ids


def main(cfn_lint):
    rules = HERE / "security-rules.txt"
    result = subprocess.run([cfn_lint, "--format", "json", "--custom-rules", str(rules), "--",
                             str(HERE / "insecure-fixture.yaml")], capture_output=True, text=True)
    try:
        found = {m["Rule"]["Id"] for m in json.loads(result.stdout or "[]")}
    except json.JSONDecodeError:
        print("cfn-lint did not answer JSON:\n" + result.stdout + result.stderr)
        return 1
    missing = sorted(expected_ids(rules) - found)
    if missing:
        print("security rules that did not fire on insecure-fixture.yaml: " + ", ".join(missing))
        return 1
    print(f"all {len(expected_ids(rules))} security rules fire on insecure-fixture.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "cfn-lint"))
