#include "core/cli/today.hpp"

#include <ctime>

namespace meso::cli {

std::optional<Date> today_from(const std::optional<std::string>& option) {
    if (option) return Date::parse(*option);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return Date::parse(text);
}

std::string now_from(const std::optional<std::string>& option) {
    if (option) return *option;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace meso::cli
