// Run a write, then show success or the server's message: the common tail of every button that changes something.
import { useCallback } from 'react';
import { App } from 'antd';

export function useAction() {
  const { message } = App.useApp();
  return useCallback(
    async (fn: () => Promise<unknown>, done?: string): Promise<boolean> => {
      try {
        await fn();
        if (done) void message.success(done);
        return true;
      } catch (e) {
        void message.error(e instanceof Error ? e.message : String(e));
        return false;
      }
    },
    [message],
  );
}
