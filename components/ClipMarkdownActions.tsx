import { useState } from 'react';
import type { Clip } from '@/utils/model/article';
import { message } from '@/utils/archive-io/describe';
import { downloadBlob } from '@/utils/archive-io/download';
import { clipToMarkdown, markdownFileName } from '@/utils/archive-io/markdown';

/** "Copy as Markdown" and "Download Markdown" for one clip (front matter, then the body). */
export function ClipMarkdownActions({ clip }: { clip: Clip }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(clipToMarkdown(clip));
      setStatus(message('md_copied'));
    } catch (error) {
      setStatus(message('md_copy_failed', String((error as Error)?.message ?? error)));
    }
  };
  const download = () => {
    downloadBlob(
      new Blob([clipToMarkdown(clip)], { type: 'text/markdown;charset=utf-8' }),
      markdownFileName(clip),
    );
  };
  return (
    <div className="clip-markdown-actions">
      <button type="button" data-testid="copy-markdown" onClick={() => void copy()}>
        {message('md_copy')}
      </button>
      <button type="button" data-testid="download-markdown" onClick={download}>
        {message('md_download')}
      </button>
      <span role="status" data-testid="markdown-status">
        {status}
      </span>
    </div>
  );
}
