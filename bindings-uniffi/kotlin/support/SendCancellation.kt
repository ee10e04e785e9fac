package com.infobip.sdk

import kotlinx.coroutines.CancellationException

/**
 * Thrown instead of a bare [CancellationException] when a coroutine making a send is cancelled
 * after the send's request may have been written. It is still a [CancellationException], so
 * cancellation works as usual, and it carries the send's ids: look the send up (its logs, by
 * [bulkId]) before sending it again. The SDK also logs one warning with them.
 */
class SendCancellationException(
    message: String,
    /** The bulk id of the send, when its request had one. */
    val bulkId: String?,
    /** The message ids of the send. */
    val messageIds: List<String>,
) : CancellationException(message)

/**
 * Used by the generated code (patched by `patch_cancellation.py`) after it freed a cancelled
 * call: the cancellation, with the ids of the send when its request may have been written.
 */
internal fun uniffiWithSendIds(cancelled: CancellationException): CancellationException {
    val ids = takeCancelledSend() ?: return cancelled
    return SendCancellationException(
        "the send was cancelled after its request may have been written; look it up by bulk id ${ids.bulkId} " +
            "before sending it again",
        ids.bulkId,
        ids.messageIds,
    ).also { it.initCause(cancelled) }
}
