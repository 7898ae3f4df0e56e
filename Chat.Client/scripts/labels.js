// Swedish labels for vocabulary codes. The page renders them from the server's single list
// (Vocabulary.cs) into data-labels, so the module and the forms never disagree.
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
