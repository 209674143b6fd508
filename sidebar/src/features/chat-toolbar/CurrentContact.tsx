/** The customer of the open chat, by the id WeCom gave us; the customer 360 will replace the raw id. */
export function CurrentContact({ externalUserId }: { externalUserId: string }) {
  return (
    <div className="current-contact">
      <span className="current-contact-label">当前客户</span>
      <code className="current-contact-id" data-testid="external-userid" title={externalUserId}>
        {externalUserId}
      </code>
    </div>
  );
}
