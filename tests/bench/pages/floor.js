// The floor's only behaviour: "Female" or "Other" shows the pregnancy question, "Male" removes
// it, as the rule set's enableWhen does in the widget (a node added and removed, not hidden).
const followUps = document.querySelector('.follow-ups');
const pregnant = () => followUps.querySelector('[data-q="pregnant"]');
document.querySelector('[data-q="sex"]').addEventListener('change', (event) => {
    const asks = event.target.value !== 'male';
    if (asks && !pregnant()) {
        const node = document.createElement('fieldset');
        node.className = 'question';
        node.dataset.q = 'pregnant';
        const legend = document.createElement('legend');
        legend.textContent = 'Are you pregnant, or could you be?';
        node.append(legend);
        for (const [value, text] of [['true', 'Yes'], ['false', 'No']]) {
            const label = document.createElement('label');
            const input = document.createElement('input');
            input.type = 'radio';
            input.name = 'pregnant';
            input.value = value;
            label.append(input, ` ${text}`);
            node.append(label);
        }
        followUps.append(node);
    } else if (!asks && pregnant()) {
        pregnant().remove();
    }
});
document.querySelector('form').addEventListener('submit', (event) => event.preventDefault());
