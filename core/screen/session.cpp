#include <algorithm>
#include <optional>

#include "core/screen/answers.hpp"
#include "core/screen/screen.hpp"
#include "core/screen/state.hpp"

namespace meso {
namespace {

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
    const auto& small = a.size() < b.size() ? a : b;
    const auto& large = a.size() < b.size() ? b : a;
    return std::any_of(small.begin(), small.end(),
                       [&](const std::string& key) { return large.count(key) > 0; });
}

}  // namespace

struct Session::State {
    std::shared_ptr<const RuleSet> rules;
    // Shared, not copied: set() copies the State to stay atomic, and the analysis never changes.
    std::shared_ptr<const detail::Prepared> prepared;
    const detail::Dependencies& dependencies() const { return prepared->dependencies; }
    ScreenInput input;
    detail::Evaluation evaluation;
    // Assembled from the rest, and not copied with it: set() copies the State for every answer,
    // and the copy assembles its own after the change.
    struct Assembled {
        std::optional<ScreenResult> value;
        Assembled() = default;
        Assembled(const Assembled&) {}
        Assembled(Assembled&&) = default;
        Assembled& operator=(const Assembled&) {
            value.reset();
            return *this;
        }
        Assembled& operator=(Assembled&&) = default;
        ~Assembled() = default;
    };

    Assembled form;          // after every change
    mutable Assembled full;  // the whole result, on first use after a change
    // Shared by the copies set() makes: what it holds is true for every answer (state.hpp).
    std::shared_ptr<detail::QuestionTextCache> texts =
        std::make_shared<detail::QuestionTextCache>();
    std::size_t evaluations = 0;

    void assemble() {
        form.value =
            detail::assemble(*rules, input, evaluation, detail::Assembly::form, texts.get());
        full.value.reset();
    }

    const ScreenResult& result() const {
        if (!full.value)
            full.value =
                detail::assemble(*rules, input, evaluation, detail::Assembly::full, texts.get());
        return *full.value;
    }

    void evaluate_everything() {
        evaluations = 0;
        logic::Budget budget;
        evaluation = detail::evaluate_all(*rules, dependencies(), input, evaluations, budget);
        assemble();
    }

    // Walks the questions in evaluation order carrying the set of keys whose effective value
    // changed; a condition is evaluated again only when it reads one of them.
    void update_after(const std::string& key) {
        evaluations = 0;
        const RuleSet& set = *rules;
        const detail::Dependencies& dependencies = this->dependencies();
        logic::Budget budget;
        const logic::EvalContext context = detail::eval_context(input, &budget);
        evaluation.key_errors = check_answer_keys(set, input.answers);
        std::set<std::string> changed;
        for (std::size_t position = 0; position < dependencies.order.size(); ++position) {
            const std::size_t i = dependencies.order[position];
            const Question& question = set.questions[i];
            detail::QuestionState& state = evaluation.questions[i];
            const bool dynamic = dependencies.question_dynamic[i];
            const bool reads_changed =
                dynamic || intersects(dependencies.question_reads[i], changed);
            const bool was_visible = state.visible;
            if (question.enable_when && reads_changed) {
                // A rule with static reads sees only questions placed before it, so the full
                // effective answers give the same result as screen()'s partial ones.
                const Json partial =
                    dynamic ? detail::effective_before(set, dependencies, evaluation, position)
                            : Json();
                state.visible =
                    detail::evaluate_visibility(question, dynamic ? partial : evaluation.effective,
                                                context, state.rule_errors, evaluations);
            }
            if (question.id != key && !reads_changed && state.visible == was_visible) continue;
            const std::optional<Json> before = state.value;
            detail::evaluate_answer(set, question, input.answers, evaluation.effective, input.today,
                                    state);
            if (state.value == before) continue;
            changed.insert(question.id);
            if (state.value) evaluation.effective[question.id] = *state.value;
            else evaluation.effective.erase(question.id);
        }
        for (std::size_t i = 0; i < set.findings.size(); ++i) {
            if (!dependencies.finding_dynamic[i] &&
                !intersects(dependencies.finding_reads[i], changed))
                continue;
            detail::evaluate_finding(set.findings[i], evaluation.effective, context, input.today,
                                     evaluation.findings[i], evaluations);
        }
        assemble();
    }

    // Screening policy, the same for every face: a choice that the question offered and offers no
    // more (an area of a concern that was unticked) leaves the answers, instead of staying behind
    // out of sight. An id the rule set never offers stays, so that its error is still reported.
    void drop_withdrawn_choices() {
        const RuleSet& set = *rules;
        for (bool dropped = true; dropped;) {
            dropped = false;
            for (std::size_t i = 0; i < set.questions.size() && !dropped; ++i) {
                const Question& question = set.questions[i];
                if (question.type != QuestionType::multiple || !evaluation.questions[i].visible)
                    continue;
                const auto answer = input.answers.find(question.id);
                if (answer == input.answers.end() || !answer->is_array()) continue;
                const std::vector<std::string> offered =
                    offered_options(set, question, evaluation.effective);
                Json kept = Json::array();
                for (const Json& choice : *answer) {
                    const bool withdrawn = choice.is_string() &&
                                           known_option(set, question, choice.get<std::string>()) &&
                                           std::find(offered.begin(), offered.end(),
                                                     choice.get<std::string>()) == offered.end();
                    if (!withdrawn) kept.push_back(choice);
                }
                if (kept.size() == answer->size()) continue;
                if (kept.empty()) input.answers.erase(answer);
                else *answer = std::move(kept);
                update_after(question.id);
                dropped = true;
            }
        }
    }

    // `id` is an option the question can offer for some answers to the others.
    static bool known_option(const RuleSet& set, const Question& question, const std::string& id) {
        if (question.options_from == "areas")
            return std::any_of(set.areas.begin(), set.areas.end(),
                               [&](const Area& area) { return area.id == id; });
        if (question.options_from == "concerns") return set.concern(id) != nullptr;
        return std::any_of(question.options.begin(), question.options.end(),
                           [&](const Option& option) { return option.id == id; });
    }
};

Session::Session(std::shared_ptr<const RuleSet> rules, Date today, std::string lang)
    : state_(std::make_unique<State>()) {
    state_->rules = rules ? std::move(rules) : std::make_shared<const RuleSet>();
    state_->prepared = detail::prepared(*state_->rules);
    state_->input.today = today;
    state_->input.lang = std::move(lang);
    state_->evaluate_everything();
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

// Works on a copy and swaps it in, so that an exception part way leaves nothing half-updated:
// a stored answer beside the result of the answers before it is how a stale verdict survived.
void Session::set(const std::string& key, const Json& value) {
    auto next = std::make_unique<State>(*state_);
    Json& answers = next->input.answers;
    if (value.is_null()) answers.erase(key);
    else answers[key] = value;
    next->update_after(key);
    next->drop_withdrawn_choices();
    state_ = std::move(next);
}

void Session::clear(const std::string& key) { set(key, nullptr); }

void Session::reset() {
    auto next = std::make_unique<State>(*state_);
    next->input.answers = Json::object();
    next->evaluate_everything();
    state_ = std::move(next);
}

void Session::set_lang(std::string lang) {
    state_->input.lang = std::move(lang);
    state_->evaluations = 0;
    state_->texts = std::make_shared<detail::QuestionTextCache>();
    state_->assemble();
}

const ScreenResult& Session::result() const { return state_->result(); }
const ScreenResult& Session::form() const { return *state_->form.value; }
const Json& Session::answers() const { return state_->input.answers; }
const ScreenInput& Session::input() const { return state_->input; }
const RuleSet& Session::rules() const { return *state_->rules; }
std::size_t Session::last_evaluations() const { return state_->evaluations; }

}  // namespace meso
