// How an error message shows a value someone wrote: in double quotes, short, and unable to hide
// or reorder the message around it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace meso {

// Quotes `text` (valid UTF-8) for a message. Quotes, backslashes and control characters are
// escaped as in JSON; invisible and direction-changing characters (U+200B–U+200F, U+202A–U+202E,
// U+2060–U+2064, U+2066–U+2069, U+FEFF) as \uxxxx, so "\u202eage" cannot pass for "age"; and a
// value longer than `max_bytes` is cut at a character boundary and ends in "…".
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 80);

}  // namespace meso
