import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { jobErrorText } from './job-errors';
import { JobError } from './worker-protocol';

describe('jobErrorText: a job failure is said from its code, never matched on its message', () => {
  const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
  it('noSourceFiles and layerNotFound by code, whatever their message says', () => {
    expect(jobErrorText(new JobError('noSourceFiles', 'anything'), zh)).toBe('没有保存原始文件，无法重新解码');
    expect(jobErrorText(new JobError('layerNotFound'), zh)).toBe(translate('zh-CN', 'job.layerNotFound'));
  });
  it('a message that merely reads like a code is a plain failure with its detail', () => {
    expect(jobErrorText(new Error('no source files'), zh)).toBe(translate('zh-CN', 'common.error', { message: 'no source files' }));
  });
});
