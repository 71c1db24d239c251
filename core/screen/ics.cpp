// RFC 5545 calendar of a plan. No clock: DTSTAMP is the time the face passes in (input.now).
#include <algorithm>
#include <optional>
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

// "2026-11-21T09:05:30.123Z" -> "20261121T090530Z"; none unless it is a UTC time of a valid day.
std::optional<std::string> stamp_of(const std::string& now) {
    if (now.size() < 20 || now.back() != 'Z' || now[10] != 'T' || now[13] != ':' ||
        now[16] != ':' || !Date::parse(now.substr(0, 10)))
        return std::nullopt;
    const std::string time = now.substr(11, 2) + now.substr(14, 2) + now.substr(17, 2);
    if (!std::all_of(time.begin(), time.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (time.substr(0, 2) > "23" || time.substr(2, 2) > "59" || time.substr(4, 2) > "60")
        return std::nullopt;
    const std::string fraction = now.substr(19, now.size() - 20);
    if (!fraction.empty() && (fraction[0] != '.' || fraction.size() < 2 ||
                              !std::all_of(fraction.begin() + 1, fraction.end(),
                                           [](char c) { return c >= '0' && c <= '9'; })))
        return std::nullopt;
    return compact(*Date::parse(now.substr(0, 10))) + "T" + time + "Z";
}

// A text setting the clinic has filled in, or "".
std::string clinic_text(const RuleSet& rules, const char* id) {
    const auto it = rules.settings.find(id);
    if (it == rules.settings.end() || !it->second.value.is_string()) return "";
    return it->second.value.get<std::string>();
}

}  // namespace

std::string plan_ics(const RuleSet& rules, const ScreenResult& result, const ScreenInput& input) {
    if (!result.plan || result.plan->dates.empty()) return "";
    const PlanResult& plan = *result.plan;
    const std::string lang = detail::resolve_lang(rules, input.lang);
    const std::string stamp = stamp_of(input.now).value_or(compact(input.today) + "T000000Z");
    std::string details = description(rules, lang, plan);
    // A consult plan holds only if the doctor agrees: the calendar says so too.
    if (plan.provisional) {
        const auto table = rules.locales.find(lang);
        if (table != rules.locales.end() && table->second.contains("plan.provisional"))
            details =
                rules.text(lang, "plan.provisional") + (details.empty() ? "" : "\n" + details);
    }
    const std::string name = clinic_text(rules, "clinic_name");
    const std::string address = clinic_text(rules, "clinic_address");
    const std::string phone = clinic_text(rules, "clinic_phone");
    std::string location = name;
    if (!address.empty()) location += (location.empty() ? "" : ", ") + address;
    std::string contact = name;
    if (!phone.empty()) contact += (contact.empty() ? "" : ", ") + phone;
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
        // No date in the UID: the same session of a moved plan is the same event.
        append_line(out,
                    "UID:" + rules.id + "-session-" + std::to_string(i + 1) + "@meso-screener");
        append_line(out, "DTSTAMP:" + stamp);
        append_line(out, "DTSTART;VALUE=DATE:" + day);
        append_line(out, "DTEND;VALUE=DATE:" + compact(date.plus_days(1)));
        const std::string summary = rules.text(
            lang, "ics.summary", {{"n", std::to_string(i + 1)}, {"total", std::to_string(total)}});
        append_line(out, "SUMMARY:" + escape_text(summary));
        if (!details.empty()) append_line(out, "DESCRIPTION:" + escape_text(details));
        if (!location.empty()) append_line(out, "LOCATION:" + escape_text(location));
        if (!phone.empty()) append_line(out, "CONTACT:" + escape_text(contact));
        // The doctor confirms every date at the consultation (rules/DOMAIN.md, "Calendar").
        append_line(out, "STATUS:TENTATIVE");
        append_line(out, "END:VEVENT");
    }
    append_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace meso
