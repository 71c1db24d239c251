// Weekday names as the setting `open_weekdays` writes them (rules/DOMAIN.md).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace meso {

inline constexpr std::array<std::string_view, 7> weekday_names = {"mon", "tue", "wed", "thu",
                                                                  "fri", "sat", "sun"};

// 0 for "mon" … 6 for "sun"; none for anything else.
inline std::optional<int> weekday_index(std::string_view name) {
    for (int i = 0; i < 7; ++i)
        if (weekday_names[static_cast<std::size_t>(i)] == name) return i;
    return std::nullopt;
}

}  // namespace meso
