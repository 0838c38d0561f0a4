import { describe, expect, it } from 'vitest';
import { llmSettingsFromConfig, llmSettingsSchema } from '../../../src/answer/llm/llm-config.js';
import { loadConfig } from '../../../src/config.js';
import { AppError } from '../../../src/errors.js';

describe('LLM configuration', () => {
  it('stays extractive when no LLM variable is set (or they are empty)', () => {
    expect(llmSettingsFromConfig(loadConfig({}))).toBeUndefined();
    expect(llmSettingsFromConfig(loadConfig({ LLM_BASE_URL: '', LLM_MODEL: '', LLM_TIMEOUT_MS: '' }))).toBeUndefined();
  });

  it('reads a complete configuration with defaults for timeout and retries', () => {
    const config = loadConfig({ LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'qwen2.5:7b' });
    expect(llmSettingsFromConfig(config)).toEqual({
      baseURL: 'http://localhost:11434/v1',
      apiKey: undefined,
      model: 'qwen2.5:7b',
      timeoutMs: 20_000,
      maxRetries: 2,
    });
    const tuned = loadConfig({ LLM_BASE_URL: 'https://dashscope.example/v1', LLM_MODEL: 'qwen-plus', LLM_API_KEY: 'sk-x', LLM_TIMEOUT_MS: '5000', LLM_MAX_RETRIES: '0' });
    expect(llmSettingsFromConfig(tuned)).toMatchObject({ apiKey: 'sk-x', timeoutMs: 5000, maxRetries: 0 });
  });

  it('stops start-up on a half or invalid configuration, naming the variable', () => {
    const failure = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof AppError) return { code: error.code, field: error.field, message: error.message };
      }
      return undefined;
    };
    expect(failure({ LLM_BASE_URL: 'http://localhost:11434/v1' })).toMatchObject({ code: 'config_invalid', field: 'LLM_MODEL' });
    expect(failure({ LLM_MODEL: 'qwen' })).toMatchObject({ field: 'LLM_BASE_URL' });
    expect(failure({ LLM_BASE_URL: 'localhost:11434', LLM_MODEL: 'qwen' })).toMatchObject({ field: 'LLM_BASE_URL' });
    expect(failure({ LLM_TIMEOUT_MS: 'soon' })).toMatchObject({ field: 'LLM_TIMEOUT_MS' });
    expect(failure({ LLM_MAX_RETRIES: '-1' })).toMatchObject({ field: 'LLM_MAX_RETRIES' });
  });

  it('validates settings handed to the engine directly', () => {
    expect(llmSettingsSchema.safeParse({ baseURL: 'ftp://x', model: 'm' }).success).toBe(false);
    expect(llmSettingsSchema.parse({ baseURL: 'http://127.0.0.1:1/v1', model: 'm' })).toMatchObject({ timeoutMs: 20_000, maxRetries: 2, retryBaseDelayMs: 250 });
  });
});
