package com.podcastinsights.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.net.URI;

/** Reads a deployed stack's outputs, so operators name the stack rather than its generated resource names. */
final class StackOutputs {
    private StackOutputs() {
    }

    static String tableName(String stackName, Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = CloudFormationClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        try (CloudFormationClient cfn = b.build()) {
            Stack stack = cfn.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stack " + stackName + " not found"));
            return stack.outputs().stream().filter(o -> "TableName".equals(o.outputKey()))
                    .map(Output::outputValue).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stack " + stackName
                            + " has no TableName output: is it a Podcast Insights stack?"));
        } catch (CloudFormationException e) {
            throw new IllegalArgumentException("cannot read stack " + stackName + " in " + region + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
