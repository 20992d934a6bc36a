"""Expands template.yaml with the SAM translator (offline) and checks the IAM that SAM generates.

TemplateTest checks the statements written in template.yaml; this script checks what CloudFormation will really
get, including the roles SAM writes for schedules, rules and functions: no Allow statement may carry a wildcard
action or NotAction. Run by `make test-template` with the venv's Python:

    .venv/bin/python cli/src/test/resources/template/check_transformed.py template.yaml
"""
import json
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class ManagedPolicies:
    """The only managed policy SAM attaches here (the functions' basic execution role); no IAM call needed."""

    def load(self):
        return {
            "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        }


def allow_statements(node, path=""):
    if isinstance(node, dict):
        if node.get("Effect") == "Allow" and ("Action" in node or "NotAction" in node):
            yield path, node
        for key, value in node.items():
            yield from allow_statements(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from allow_statements(value, f"{path}/{i}")


def problems_of(expanded):
    problems = []
    for path, statement in allow_statements(expanded.get("Resources", {})):
        if "NotAction" in statement:
            problems.append(f"{path}: Allow with NotAction")
        actions = statement.get("Action", [])
        for action in [actions] if isinstance(actions, str) else actions:
            if isinstance(action, str) and ("*" in action or "?" in action):
                problems.append(f"{path}: wildcard action {action}")
    return problems


def main(template_path):
    with open(template_path) as f:
        template = yaml_parse(f.read())
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            # local CodeUri folders are replaced by `sam package`; the translator wants an S3 location
            resource["Properties"]["CodeUri"] = "s3://bucket/code.zip"
    expanded = transform(template, {}, ManagedPolicies())
    problems = problems_of(expanded)
    roles = [k for k, v in expanded["Resources"].items() if v["Type"] == "AWS::IAM::Role"]
    if problems:
        print("IAM problems in the expanded template:\n  " + "\n  ".join(problems))
        return 1
    print(f"expanded template: {len(expanded['Resources'])} resources, {len(roles)} roles, "
          "no Allow statement with a wildcard action")
    if "--print" in sys.argv:
        json.dump(expanded, sys.stdout, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
