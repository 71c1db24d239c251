// RFC 5545 calendar of a plan. No clock: DTSTAMP is the screening's "today".
#include <string>

#include "core/screen/screen.hpp"
#include "core/screen/state.hpp"

namespace meso {
namespace {

constexpr std::size_t max_line_octets = 75;

std::string compact(const Date& date) {
    const std::string iso = date.iso();
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines are escaped.
std::string escape_text(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Content lines longer than 75 octets continue on lines that start with one space (RFC 5545
// 3.1); a cut never falls inside a UTF-8 sequence.
void append_line(std::string& out, const std::string& line) {
    std::size_t start = 0;
    std::size_t room = max_line_octets;
    while (line.size() - start > room) {
        std::size_t cut = start + room;
        while (cut > start + 1 && utf8_continuation(line[cut])) --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        room = max_line_octets - 1;  // the leading space counts
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

// What the patient reads in the calendar: the clinic's note ("ics.description"), then what to do
// before the session.
std::string description(const RuleSet& rules, const std::string& lang, const PlanResult& plan) {
    std::string text = rules.text(lang, "ics.description");
    for (const SourcedText& item : plan.preparation) {
        if (!text.empty()) text += '\n';
        text += item.text;
    }
    return text;
}

}  // namespace

std::string plan_ics(const RuleSet& rules, const ScreenResult& result, const ScreenInput& input) {
    if (!result.plan || result.plan->dates.empty()) return "";
    const PlanResult& plan = *result.plan;
    const std::string lang = detail::resolve_lang(rules, input.lang);
    const std::string stamp = compact(input.today) + "T000000Z";
    const std::string details = description(rules, lang, plan);
    std::string out;
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out,
                "PRODID:-//meso-screener//" + rules.id + " " + rules.version + "//" + upper(lang));
    append_line(out, "CALSCALE:GREGORIAN");
    append_line(out, "METHOD:PUBLISH");
    const std::size_t total = plan.dates.size();
    for (std::size_t i = 0; i < total; ++i) {
        const Date& date = plan.dates[i];
        const std::string day = compact(date);
        append_line(out, "BEGIN:VEVENT");
        append_line(out,
                    "UID:" + rules.id + "-" + std::to_string(i + 1) + "-" + day + "@meso-screener");
        append_line(out, "DTSTAMP:" + stamp);
        append_line(out, "DTSTART;VALUE=DATE:" + day);
        append_line(out, "DTEND;VALUE=DATE:" + compact(date.plus_days(1)));
        const std::string summary = rules.text(
            lang, "ics.summary", {{"n", std::to_string(i + 1)}, {"total", std::to_string(total)}});
        append_line(out, "SUMMARY:" + escape_text(summary));
        if (!details.empty()) append_line(out, "DESCRIPTION:" + escape_text(details));
        append_line(out, "END:VEVENT");
    }
    append_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace meso
