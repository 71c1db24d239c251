// Text helpers the JavaScript semantics need: UTF-8 code points, JS whitespace, JS number text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace meso::logic::text {

// Code points in `s`; an invalid byte counts as one code point so odd input never traps.
std::size_t code_point_count(std::string_view s);

// Byte offset of code point `index` in `s` (s.size() when index is past the end).
std::size_t code_point_offset(std::string_view s, std::size_t index);

// Ordering of JS strings (UTF-16 code units), which differs from byte order only between
// supplementary characters and U+E000..U+FFFF. Returns <0, 0 or >0.
int compare_utf16(std::string_view a, std::string_view b);

// `s` without leading (and trailing) JS white space and line terminators (StrWhiteSpaceChar).
std::string_view trim_js_space_start(std::string_view s);
std::string_view trim_js_space(std::string_view s);

// JS Number::toString(x): 1 -> "1", 1.5 -> "1.5", 1e21 -> "1e+21", -0 -> "0", NaN -> "NaN".
void append_number(std::string& out, double x);
std::string number_to_string(double x);

// JS StringToNumber (what Number("…") does): "" -> 0, " 12 " -> 12, "0x1f" -> 31, "abc" -> NaN.
double string_to_number(std::string_view s);

// JS parseFloat on a string: the longest numeric prefix after white space, else NaN.
double parse_float(std::string_view s);

}  // namespace meso::logic::text
