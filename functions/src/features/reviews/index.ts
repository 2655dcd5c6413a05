// The reviews feature's public surface: other features and entry points import only this file.
export { reviewRoutes } from "./list-reviews.route.js";
export { reviewPageFunction } from "./page/review-page.function.js";
export { reviewRequestChannel } from "./review-request.channel.js";
export { withReviewRequest } from "./review-request.hook.js";
export { listReviews, type SubmissionResult, submitClientReview } from "./reviews.service.js";
