"""Writes template.yaml as CloudFormation gets it, SAM transform applied (offline), for cfn-lint's custom rules:
cfn-lint applies those to the template's own resources only, not to what SAM generates from
AWS::Serverless::Function (the Lambda functions, their schedules and rules). Run by `make test-template`:

    .venv/bin/python tools/cfn-lint/expand_sam.py template.yaml .aws-sam/expanded-template.json
"""
import json
import pathlib
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class ManagedPolicies:
    """The only managed policy SAM attaches here (the functions' basic execution role); no IAM call needed."""

    def load(self):
        return {"AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}


def main(template_path, out_path):
    template = yaml_parse(pathlib.Path(template_path).read_text())
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            # local CodeUri folders are replaced by `sam package`; the translator wants an S3 location
            resource["Properties"]["CodeUri"] = "s3://code-bucket/code.zip"
    expanded = transform(template, {}, ManagedPolicies())
    out = pathlib.Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(expanded, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
