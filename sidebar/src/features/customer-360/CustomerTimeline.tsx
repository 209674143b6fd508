/** Where the timeline (viewed, shared, ordered, paid…) will go; honest about why it is empty today. */
export function CustomerTimeline() {
  return (
    <section className="card" aria-label="动态">
      <div className="c360-section-head">
        <h3 className="card-title">动态</h3>
      </div>
      <p className="c360-empty" data-testid="customer-timeline-empty">
        客户动态将在小程序行为接入后显示
      </p>
    </section>
  );
}
