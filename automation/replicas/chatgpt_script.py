"""The script of the ChatGPT replica's page: it draws the Settings dialog from the
account's state the page carries, with its tabs, row buttons, menus and dialogs, and
saves each change with its own request.
"""

SCRIPT = r"""
const S = JSON.parse(document.getElementById('replica-state').textContent);
const has = (list, key) => list.includes(key);
const el = (tag, attrs, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
  return node;
};
const word = (key) => S.odd[key] || (S.values[key] ? 'On' : 'Off');
const refreshers = [];
const refresh = () => refreshers.forEach((f) => f());
let counter = 0;
const uid = (p) => `${p}-${++counter}`;
const opened = (key) => fetch('/backend-api/opened/' + encodeURIComponent(key));

// A layer is a menu or dialog over the page; Escape closes the topmost.
const layers = [];
const push = (node) => { document.body.append(node); layers.push(node); return node; };
const pop = (node) => {
  const i = layers.indexOf(node);
  if (i >= 0) layers.splice(i, 1);
  node.remove();
  if (node.classList.contains('settings')) history.replaceState(null, '', '/');
};
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && layers.length) pop(layers[layers.length - 1]);
});

const ask = (key, want) => new Promise((resolve) => {
  const kind = S.confirms[key];
  if (!kind) { resolve(true); return; }
  const strange = kind === 'strange';
  const box = el('div', {role: 'dialog', 'aria-modal': 'true', class: 'confirm'},
    el('h2', {}, strange ? 'Before you go: tell us why' : (want ? 'Turn on?' : 'Turn off?')),
    el('p', {}, 'This changes how your data is used.'));
  const yes = el('button', {type: 'button', onclick: () => { pop(box); resolve(true); }},
    strange ? 'Delete my history too' : (want ? 'Turn on' : 'Turn off'));
  const no = el('button', {type: 'button', onclick: () => { pop(box); resolve(false); }},
    'Cancel');
  box.append(yes, no);
  push(box);
});

const save = async (key, want) => {
  if (!(await ask(key, want))) return false;
  try {
    const r = await fetch('/backend-api/settings/' + encodeURIComponent(key), {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({value: want})});
    if (!r.ok) throw new Error(String(r.status));
    S.values[key] = want;
    return true;
  } catch (e) {
    return false;
  } finally {
    refresh();
  }
};

const deletes = (what) => fetch('/backend-api/deletions', {method: 'POST',
  headers: {'Content-Type': 'application/json'}, body: JSON.stringify({what})});

// A dialog a row button opens: its title, a sentence, a switch, "Done" and "Close".
const rowDialog = (key, title, text, testid, labelled) => {
  const id = uid('dialog-title');
  const box = el('div', {role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': id,
    'data-state': 'open', class: 'popover'}, el('h2', {id}, title), el('p', {}, text));
  if (has(S.hidden, key)) {
    box.append(el('p', {}, 'This setting is being updated. Check back later.'));
  } else {
    const sw = el('button', {type: 'button', role: 'switch', value: 'on', class: 'h-4',
      'data-testid': testid, 'aria-labelledby': labelled ? id : null,
      disabled: has(S.disabled, key)});
    const show = () => {
      sw.setAttribute('aria-checked', String(Boolean(S.values[key])));
      sw.setAttribute('data-state', S.values[key] ? 'checked' : 'unchecked');
    };
    show();
    refreshers.push(show);
    sw.addEventListener('click', () => save(key, !S.values[key]));
    box.append(el('div', {class: 'flex items-center justify-between'},
      el('div', {}, labelled ? '' : 'Keep it between sessions'), sw));
  }
  box.append(el('div', {class: 'flex gap-2'},
    el('button', {type: 'button', 'data-testid': 'close-button', 'aria-label': 'Close',
      onclick: () => pop(box)}, '\u00d7'),
    el('button', {type: 'button', class: 'btn btn-primary', onclick: () => pop(box)}, 'Done')));
  return push(box);
};

// The Location choice: a menu of "On" and "Off" (guessed).
const choiceMenu = (key, label) => {
  const menu = el('div', {role: 'menu', 'aria-label': label, 'data-state': 'open',
    tabindex: '-1', class: 'popover'});
  for (const [words, value] of [['On', true], ['Off', false]]) {
    menu.append(el('div', {role: 'menuitemradio', tabindex: '-1',
      'aria-checked': String(Boolean(S.values[key]) === value),
      onclick: () => { pop(menu); save(key, value); }}, words));
  }
  return push(menu);
};

const row = (...kids) => el('div', {class: 'row'}, ...kids);

// "Improve the model for everyone": one button, the words and the state.
const improveRow = () => {
  const state = el('div', {class: 'text-token-text-secondary'});
  const show = () => { state.textContent = word('improve_model'); };
  show();
  refreshers.push(show);
  return row(el('button', {class: 'w-full', 'data-testid': 'improve-model-open-modal-button',
    disabled: has(S.disabled, 'improve_model'),
    onclick: () => { opened('improve_model'); rowDialog('improve_model',
      'Improve the model for everyone',
      'Allow your content to be used to train our models, which makes ChatGPT better.',
      'improve-model-toggle', true); }},
    el('div', {class: 'flex items-center justify-between'},
      el('div', {class: 'ps-3'}, 'Improve the model for everyone'), state)));
};

// "Location", then a plain button whose text is the state.
const locationRow = (key, label) => {
  const button = el('button', {type: 'button',
    class: 'text-token-text-secondary flex min-h-[38px] items-center',
    disabled: has(S.disabled, key),
    onclick: () => { opened(key); choiceMenu(key, label); }});
  const show = () => { button.textContent = word(key); };
  show();
  refreshers.push(show);
  return row(el('div', {class: 'flex items-center justify-between'},
      el('div', {}, label), button),
    el('div', {class: 'text-xs'},
      'When it is on, ChatGPT uses where you are to make answers about nearby places, '
      + 'news and weather more relevant. ',
      el('a', {href: 'https://help.openai.com/en/articles/9237897-chatgpt-search#location',
        target: '_blank', rel: 'noopener noreferrer', class: 'underline'}, 'Learn more')));
};

// "Remote browser data On": one button, the words and the state.
const remoteRow = (key, label) => {
  const state = el('div', {class: 'text-token-text-secondary'});
  const show = () => { state.textContent = word(key); };
  show();
  refreshers.push(show);
  return row(el('button', {class: 'w-full', disabled: has(S.disabled, key),
    onclick: () => { opened(key); rowDialog(key, label,
      'Keeps the cookies and sign-ins of the browser the agent uses, from one task to the next.',
      null, false); }},
    el('div', {class: 'flex items-center justify-between'}, el('div', {}, label), state)));
};

// A row of words and one button whose aria-label is its text and the row's words.
const actionRow = (words, text, onclick, danger) => row(
  el('div', {class: 'flex items-center justify-between'}, el('div', {}, words),
    el('button', {class: `btn ${danger ? 'btn-danger-outline' : 'btn-secondary'} shrink-0`,
      'aria-label': `${text} ${words}`, onclick}, text)));

const confirmDelete = (what, title) => {
  const box = el('div', {role: 'dialog', 'aria-modal': 'true', class: 'popover'},
    el('h2', {}, title), el('p', {}, 'This cannot be undone.'));
  box.append(
    el('button', {type: 'button', class: 'btn btn-danger',
      onclick: () => { deletes(what + ' (confirmed)'); pop(box); }}, 'Delete'),
    el('button', {type: 'button', onclick: () => pop(box)}, 'Cancel'));
  push(box);
};

const place = (panel, key, draw) => {
  if (has(S.absent, key)) return;
  if (has(S.notOffered, key)) {
    panel.append(row(el('p', {}, "This setting isn't available for your account.")));
    return;
  }
  if (has(S.decoys, key)) panel.append(draw(key + '~decoy', S.lookalikes[key]));
  if (has(S.hidden, key) && key !== 'improve_model') {
    panel.append(row(el('p', {}, 'This setting is being updated. Check back later.')));
    return;
  }
  panel.append(draw(key, null));
  if (has(S.doubled, key)) panel.append(draw(key, null));
};

const dataControls = (panel) => {
  panel.append(el('h3', {}, 'Data controls'));
  place(panel, 'improve_model', () => improveRow());
  place(panel, 'location', (key, look) => locationRow(key, look || 'Location'));
  place(panel, 'remote_browser_data',
    (key, look) => remoteRow(key, look || 'Remote browser data'));
  panel.append(
    actionRow('Shared links', 'Manage', () => opened('shared_links')),
    actionRow('Archived chats', 'Manage', () => opened('archived_chats')),
    actionRow('Archive all chats', 'Archive all', () => opened('archive_all')),
    actionRow('Delete all chats', 'Delete all',
      () => { deletes('all chats'); confirmDelete('all chats', 'Delete all chats?'); }, true),
    actionRow('Export data', 'Export', () => opened('export')));
  panel.append(row(el('button', {type: 'button',
    class: 'w-full disabled:cursor-not-allowed disabled:opacity-50',
    onclick: () => { opened('marketing_privacy'); rowDialog('marketing_privacy',
      'Marketing privacy', 'Choose whether we use your data for marketing.', null, false); }},
    'Marketing privacy')));
};

const accountTab = (panel) => {
  panel.append(el('h3', {}, 'Account'),
    row(el('div', {}, 'Name'), el('div', {}, S.name)),
    actionRow('Delete account', 'Delete',
      () => { deletes('account'); confirmDelete('account', 'Delete account?'); }, true));
};

const openSettings = (key) => {
  layers.filter((l) => l.classList.contains('settings')).forEach(pop);
  const panel = el('div', {role: 'tabpanel', tabindex: '0'});
  const list = el('div', {role: 'tablist', 'aria-orientation': 'vertical'});
  const box = el('div', {role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'settings-title',
    'data-state': 'open', class: 'settings popover'},
    el('h2', {id: 'settings-title', class: 'sr-only'}, 'Settings'),
    el('button', {type: 'button', 'data-testid': 'close-button', 'aria-label': 'Close',
      onclick: () => pop(box)}, '\u00d7'),
    list, panel);
  const select = (tab) => {
    refreshers.length = 0;
    panel.replaceChildren();
    for (const button of list.children) {
      const on = button.dataset.tab === tab;
      button.setAttribute('aria-selected', String(on));
      button.setAttribute('data-state', on ? 'active' : 'inactive');
    }
    panel.id = `settings-content-${tab}`;
    panel.setAttribute('aria-labelledby', `settings-trigger-${tab}`);
    if (tab === 'DataControls') dataControls(panel);
    else if (tab === 'Account') accountTab(panel);
    else {
      const [, words] = S.tabs.find(([k]) => k === tab) || [tab, tab];
      panel.append(el('h3', {}, words));
    }
    history.replaceState(null, '', '#settings/' + tab);
  };
  for (const [tab, words, testid] of S.tabs) {
    list.append(el('button', {type: 'button', role: 'tab', id: `settings-trigger-${tab}`,
      'aria-controls': `settings-content-${tab}`, 'data-testid': testid, 'data-tab': tab,
      class: 'group __menu-item hoverable gap-1.5', onclick: () => select(tab)},
      el('div', {class: 'min-w-0'}, el('div', {}, words))));
  }
  push(box);
  select(S.tabs.some(([k]) => k === key) ? key : 'General');
};

const profile = document.querySelector('[data-testid="accounts-profile-button"]');
if (profile) {
  profile.addEventListener('click', () => {
    const menu = el('div', {role: 'menu', 'aria-label': 'Profile', 'data-state': 'open',
      class: 'popover'},
      el('div', {role: 'menuitem', tabindex: '-1', 'data-testid': 'settings-menu-item',
        onclick: () => { pop(menu); openSettings('General'); }}, 'Settings'),
      el('div', {role: 'menuitem', tabindex: '-1'}, 'Help'),
      el('div', {role: 'menuitem', tabindex: '-1'}, 'Log out'));
    push(menu);
  });
}
// The app draws a moment after loading; an address #settings/<Tab> opens that tab.
setTimeout(() => {
  const hash = location.hash;
  if (hash.startsWith('#settings/')) openSettings(hash.slice('#settings/'.length));
}, 150);
"""
