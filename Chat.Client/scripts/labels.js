// Labels for vocabulary codes, in the staff language. The page renders them from the server's single list
// (Vocabulary.cs, labelled from the texts) into data-labels, so the module and the forms never disagree.
export function readLabels(element) {
  try {
    return JSON.parse(element.dataset.labels ?? '{}');
  } catch {
    return {};
  }
}

export function labelOf(table, code, missing = '–') {
  if (!code) return missing;
  return table?.[code] ?? code;
}

// The languages that items ({language}) come in, the chat's own language first, then the vocabulary's order.
export function inLanguageOrder(items, chatLanguage, labels) {
  const order = [chatLanguage, ...Object.keys(labels.language ?? {})].filter(Boolean);
  return [...new Set([...order, ...items.map((item) => item.language)])].filter((l) => items.some((item) => item.language === l));
}
