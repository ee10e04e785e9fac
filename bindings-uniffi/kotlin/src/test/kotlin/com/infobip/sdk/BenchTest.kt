package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.condition.EnabledIfSystemProperty

/**
 * Sequential sends per second from Kotlin, for bench.sh, which runs the Rust core's own figure
 * against the same emulator in the same run. Prints a figure; asserts nothing about speed.
 * Off unless `-Dinfobip.bench=true`.
 */
@EnabledIfSystemProperty(named = "infobip.bench", matches = "true")
class BenchTest {
    @Test
    fun `sequential one-line sends`() = runBlocking {
        val count = System.getProperty("infobip.bench.count", "2000").toInt()
        val sms = Emulator.client().sms()
        repeat(20) { sms.sendText("41793026727", "warm-up") }
        val start = System.nanoTime()
        for (i in 0 until count) {
            sms.sendText("41793026727", "bench $i")
        }
        val seconds = (System.nanoTime() - start) / 1e9
        println("kotlin sends=$count seconds=${"%.3f".format(seconds)} per_second=${"%.0f".format(count / seconds)}")
    }
}
