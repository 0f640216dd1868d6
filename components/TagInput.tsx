/** Free-form tag chips with suggestions. Enter/comma adds the typed tag; Enter on an empty box is left to the form (save). */
import { useState, type KeyboardEvent } from 'react';
import { remainingSuggestions, splitTagInput } from '../lib/store/tags';
import { useI18n } from './i18n';

export function TagInput({ tags, suggestions, onAdd, onRemove, id, testId = 'clip-tags' }: {
  tags: readonly string[];
  suggestions: readonly string[];
  onAdd: (...tags: string[]) => void;
  onRemove: (tag: string) => void;
  id?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const typed = text.trim().toLocaleLowerCase();
  const offered = remainingSuggestions(tags, [...suggestions])
    .filter((s) => !typed || s.toLocaleLowerCase().includes(typed))
    .slice(0, 8);

  const commit = () => {
    const parts = splitTagInput(text);
    if (parts.length) onAdd(...parts);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
      e.preventDefault();
      e.stopPropagation(); // the form must not save while a tag is being typed
      commit();
    } else if (e.key === 'Backspace' && !text && tags.length) {
      onRemove(tags[tags.length - 1]);
    }
  };

  return (
    <div className="tag-input" data-testid={testId}>
      <div className="chips">
        {tags.map((tag) => (
          <span key={tag} className="chip tag" data-testid="tag-chip">
            {tag}
            <button type="button" className="chip-remove" aria-label={t('form.removeTag', { tag })} onClick={() => onRemove(tag)}>×</button>
          </span>
        ))}
        <input
          id={id}
          className="input tag-text"
          data-testid={`${testId}-input`}
          value={text}
          placeholder={t('form.addTag')}
          onChange={(e) => (e.target.value.endsWith(',') || e.target.value.endsWith('，') ? (onAdd(...splitTagInput(e.target.value)), setText('')) : setText(e.target.value))}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </div>
      {offered.length > 0 && (
        <div className="chips suggestions" role="group" aria-label={t('form.tagSuggestions')}>
          {offered.map((s) => (
            <button key={s} type="button" className="chip ghost" data-testid="tag-suggestion" onClick={() => onAdd(s)}>+ {s}</button>
          ))}
        </div>
      )}
    </div>
  );
}
