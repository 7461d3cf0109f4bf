// How figures read on the pages: short, with units, and an em dash when there is nothing to show yet.

export const NONE = '—';

export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return NONE;
  }
  const s = Math.round(seconds);
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, '0');
  return minutes < 60 ? `${minutes} min ${rest} s` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? NONE : `${Math.round(ratio * 100)} %`;
}

export function time(iso) {
  if (!iso) {
    return NONE;
  }
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function signed(value) {
  if (value === null || value === undefined) {
    return NONE;
  }
  return (value >= 0 ? '+' : '−') + Math.abs(value).toFixed(2);
}

const STATUS_NAMES = {
  AVAILABLE: 'Available',
  BUSY: 'Busy',
  WRAP_UP: 'Wrap-up',
  BREAK: 'On break',
  OFFLINE: 'Offline',
};

export function status(code) {
  return STATUS_NAMES[code] || code;
}

/** Creates an element with attributes and children (strings become text: never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
