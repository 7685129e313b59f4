"""The script of the Google replica's activity pages: it draws each chip a moment after
loading, opens its menu, shows or draws the confirmation, and saves each change and
records each click with its own request.
"""

SCRIPT = """
const status = document.getElementById('status');
const log = (key, item) => fetch('/api/activity/clicked?key=' + encodeURIComponent(key)
  + '&item=' + encodeURIComponent(item));
const post = async (api, body) => {
  const r = await fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body)});
  status.textContent = r.ok ? 'Saved.' : "Couldn't save your change. Try again.";
  return r.ok;
};
const closeMenus = () => document.querySelectorAll('[role=menu]').forEach((m) => {
  m.hidden = true;
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeMenus(); });
// A confirmation: shown (or drawn) by the click, answered by its own buttons.
const ask = (row) => new Promise((resolve) => {
  let box = row.querySelector('[role=dialog]');
  const drawn = !box;
  if (drawn) {
    box = row.querySelector('.confirm-template').content.firstElementChild.cloneNode(true);
    row.appendChild(box);
  }
  box.hidden = false;
  const done = (answer, words) => {
    log(JSON.parse(row.dataset.chip).key, words);
    if (drawn) box.remove(); else box.hidden = true;
    resolve(answer);
  };
  box.querySelector('.yes').onclick = (e) => done(true, e.target.textContent);
  const no = box.querySelector('.no');
  if (no) no.onclick = (e) => done(false, e.target.textContent);
});
const deleteStep = (row) => new Promise((resolve) => {
  const box = document.createElement('div');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  box.innerHTML = '<h2>Delete activity</h2><p>Choose what to delete.</p>'
    + '<button type="button" class="no">Cancel</button>'
    + '<button type="button" class="yes">Delete</button>';
  row.appendChild(box);
  box.querySelector('.yes').onclick = () => { box.remove(); resolve(true); };
  box.querySelector('.no').onclick = () => { box.remove(); resolve(false); };
});
const wire = (row) => {
  const data = JSON.parse(row.dataset.chip);
  const chip = row.querySelector('.chip');
  const menu = row.querySelector('[role=menu]');
  const draw = (on) => {
    chip.querySelector('.chip-words').textContent = data.shown[on];
    chip.setAttribute('aria-label', data.named[String(on)]);
  };
  chip.addEventListener('click', () => {
    const open = menu.hidden;
    closeMenus();
    menu.hidden = !open;
    chip.setAttribute('aria-expanded', String(open));
  });
  menu.querySelectorAll('[role=menuitem]').forEach((item) => item.addEventListener('click',
    async () => {
      log(data.key, item.querySelector('.item').textContent);
      menu.hidden = true;
      const action = item.dataset.action;
      if (action === 'on') { if (await post(data.api, {value: true})) draw(true); return; }
      if (action === 'delete') {
        if (await deleteStep(row) && await post(data.api, {value: false, delete: true})) {
          draw(false);
        }
        return;
      }
      if (await ask(row) && await post(data.api, {value: false})) draw(false);
    }));
};
document.querySelectorAll('.ranges [role=menuitem]').forEach((item) => item.addEventListener(
  'click', () => { closeMenus(); post('/api/activity/delete', {range: item.dataset.range}); }));
document.querySelectorAll('.opens').forEach((button) => button.addEventListener('click', () => {
  const menu = button.parentElement.querySelector('[role=menu]');
  const open = menu.hidden;
  closeMenus();
  menu.hidden = !open;
}));
// The activity list's icon buttons delete at once, with no confirmation, as Google's do.
document.querySelectorAll('.delete-now').forEach((b) => b.addEventListener('click', () => post(
  '/api/activity/delete', {what: b.dataset.delete, label: b.getAttribute('aria-label')})));
document.querySelectorAll('.neighbour').forEach((box) => {
  if (box.tagName === 'INPUT') {
    box.addEventListener('change', () => post(box.dataset.api, {value: box.checked}));
  } else {
    box.addEventListener('click', async () => {
      if (box.getAttribute('aria-disabled') === 'true') return;
      const want = box.getAttribute('aria-checked') !== 'true';
      if (await post(box.dataset.api, {value: want})) {
        box.setAttribute('aria-checked', String(want));
      }
    });
  }
});
setTimeout(() => document.querySelectorAll('.chip-row').forEach((row) => {
  const t = row.querySelector('.chip-template');
  if (!t) return;
  row.insertBefore(t.content.cloneNode(true), t);
  t.remove();
  wire(row);
}), 150);
"""
