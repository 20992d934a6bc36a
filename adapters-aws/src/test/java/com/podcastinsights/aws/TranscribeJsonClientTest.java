package com.podcastinsights.aws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TranscribeJsonClientTest {
    @Test
    void theErrorCodeComesFromTheHeaderOrTheBodyWithoutItsNamespace() {
        assertEquals("ConflictException", TranscribeJsonClient.errorCode("ConflictException:http://internal", ""));
        assertEquals("BadRequestException", TranscribeJsonClient.errorCode(null,
                "{\"__type\": \"com.amazonaws.transcribe#BadRequestException\", \"Message\": \"couldn't be found\"}"));
        assertEquals("LimitExceededException", TranscribeJsonClient.errorCode("", "{\"__type\":\"LimitExceededException\"}"));
        assertEquals("Unknown", TranscribeJsonClient.errorCode(null, "<html>bad gateway</html>"));
    }
}
