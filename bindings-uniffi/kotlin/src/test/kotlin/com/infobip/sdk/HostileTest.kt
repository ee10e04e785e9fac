package com.infobip.sdk

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.util.concurrent.TimeUnit

/**
 * Hostile input, each case in a JVM of its own ([HostileCases]): the process stays alive, the
 * error has the expected code, and the emulator received the expected number of requests.
 */
class HostileTest {
    @Test
    fun `there are at least 25 cases, each named once`() {
        assertTrue(HostileCases.cases.size >= 25, "${HostileCases.cases.size}")
        assertEquals(HostileCases.cases.size, HostileCases.cases.map { it.name }.toSet().size)
    }

    @TestFactory
    fun `every hostile case leaves its process alive`(): List<DynamicTest> = HostileCases.cases.map { case ->
        DynamicTest.dynamicTest(case.name) {
            Emulator.reset()
            for (fault in case.faults) Emulator.fault(fault)
            val java = File(System.getProperty("java.home"), "bin/java").path
            val process = ProcessBuilder(
                java,
                "-Djna.library.path=" + System.getProperty("jna.library.path"),
                "-cp",
                System.getProperty("java.class.path"),
                HostileCases::class.java.name,
                case.name,
                Emulator.baseUrl,
            ).redirectErrorStream(true).start()
            val output = process.inputStream.bufferedReader().readText()
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "${case.name}: still running after 2 minutes")
            val code = output.lines().firstNotNullOfOrNull { it.substringAfter("HOSTILE-RESULT: ", "").ifEmpty { null } }
            assertEquals(0, process.exitValue(), "${case.name}: the process died: $output")
            assertEquals(case.code, code, "${case.name}: $output")
            assertEquals(case.requests, Emulator.requests("/").size, "${case.name}: requests received")
        }
    }
}
