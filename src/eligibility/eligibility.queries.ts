import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CampaignAnswer, CustomerAnswer, EligibilityAnswers, Question } from './eligibility-answers';
import { CustomerTimeline, TimelineEntry } from './customer-timeline';

export class CustomerEligibilityQuery extends Query<CustomerAnswer> {
  constructor(
    readonly tenantId: string,
    readonly customerId: string,
    readonly question: Question,
  ) {
    super();
  }
}

export class CampaignCheckQuery extends Query<CampaignAnswer> {
  constructor(
    readonly tenantId: string,
    readonly customerIds: string[],
    readonly question: Question,
  ) {
    super();
  }
}

export class CustomerTimelineQuery extends Query<{ items: TimelineEntry[] }> {
  constructor(
    readonly tenantId: string,
    readonly customerId: string,
    /** Absent: now. */
    readonly asOf: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(CustomerEligibilityQuery)
export class CustomerEligibilityHandler implements IQueryHandler<CustomerEligibilityQuery, CustomerAnswer> {
  constructor(private readonly answers: EligibilityAnswers) {}

  execute(query: CustomerEligibilityQuery): Promise<CustomerAnswer> {
    return this.answers.forCustomer(query.tenantId, query.customerId, query.question);
  }
}

@QueryHandler(CampaignCheckQuery)
export class CampaignCheckHandler implements IQueryHandler<CampaignCheckQuery, CampaignAnswer> {
  constructor(private readonly answers: EligibilityAnswers) {}

  execute(query: CampaignCheckQuery): Promise<CampaignAnswer> {
    return this.answers.forCampaign(query.tenantId, query.customerIds, query.question);
  }
}

@QueryHandler(CustomerTimelineQuery)
export class CustomerTimelineHandler implements IQueryHandler<CustomerTimelineQuery, { items: TimelineEntry[] }> {
  constructor(private readonly timeline: CustomerTimeline) {}

  execute(query: CustomerTimelineQuery): Promise<{ items: TimelineEntry[] }> {
    return this.timeline.of(query.tenantId, query.customerId, query.asOf);
  }
}
