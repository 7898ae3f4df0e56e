// The counsellor's skills on the console: ticked codes are offered to them first; none ticked means "all".
import { call } from './hub.js';
import { byId, setText } from './dom.js';
import { t } from './texts.js';

export function createSkills({ connection, showError }) {
  const form = byId('skills-form');
  const saved = byId('skills-saved');
  const boxes = (name) => [...form.querySelectorAll(`input[name="${name}"]`)];
  const ticked = (name) => boxes(name).filter((box) => box.checked).map((box) => box.value);

  function render(skills) {
    if (!skills) return;
    for (const box of boxes('languages')) box.checked = skills.languages.includes(box.value);
    for (const box of boxes('topics')) box.checked = skills.topics.includes(box.value);
  }

  form.addEventListener('change', () => setText(saved, ''));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      render(await call(connection, 'SetSkills', { languages: ticked('languages'), topics: ticked('topics') }));
      setText(saved, t('console.skills.saved'));
      showError(null);
    } catch (error) {
      showError(error);
    }
  });

  return { render };
}
