/**
 * What other gateway features use to declare and read access:
 *
 *   @Controller('documents')
 *   @Roles('admin')                         // default for the controller
 *   export class DocumentsController {
 *     @Get() @Roles('admin', 'staff') list(@CurrentUser() user: AuthenticatedUser) { ... }
 *   }
 */
export { Authenticated, PrivateNetworkOnly, Public, Roles } from './access.decorators';
export { CurrentUser } from './current-user.decorator';
export type { AuthenticatedUser } from './authenticated-user';
export type { AccessPolicy } from './access-policy';
export { ACCESS_POLICY, describeAccessPolicy } from './access-policy';
export { RouteInventory } from './route-inventory';
export type { RouteDescriptor } from './route-inventory';
