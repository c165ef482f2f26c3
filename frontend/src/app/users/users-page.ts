import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { Observable } from 'rxjs';
import { Subject, debounceTime, distinctUntilChanged, filter } from 'rxjs';

import type { Role, User, UserPage, UserStatus } from '@deskpilot/contracts';

import { Session } from '../auth/session';
import { ActionError } from '../ui/action-error';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserCreateDialog } from './user-create-dialog';
import { ROLE_LABELS, userStatus } from './user-status';
import { UsersApi } from './users-api';

const PAGE_SIZE = 25;

/** Everyone who can sign in: add people, change roles, disable, reset passwords, unlock. */
@Component({
  selector: 'dp-users-page',
  imports: [
    DatePipe,
    MatTableModule,
    PagePaginator,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PageHeader,
    EmptyState,
    ErrorState,
    ActionError,
    LoadingState,
    StatusBadge,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);
  private readonly searches = new Subject<string>();

  protected readonly columns = ['name', 'role', 'status', 'lastLoginAt', 'actions'];
  protected readonly userStatus = userStatus;
  protected readonly users = new RemoteData<UserPage>();
  protected readonly search = signal('');
  protected readonly role = signal<Role | undefined>(undefined);
  protected readonly status = signal<UserStatus | undefined>(undefined);
  protected readonly page = signal(1);
  protected readonly busyId = signal<string | undefined>(undefined);
  protected readonly actionError = signal<string | undefined>(undefined);

  constructor() {
    const subscription = this.searches
      .pipe(debounceTime(250), distinctUntilChanged())
      .subscribe((search) => {
        this.search.set(search);
        this.page.set(1);
        this.reload();
      });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
    });
    this.reload();
  }

  protected reload(): void {
    const search = this.search().trim();
    this.users.load(
      this.api.list({
        page: this.page(),
        pageSize: PAGE_SIZE,
        ...(search === '' ? {} : { search }),
        ...(this.role() === undefined ? {} : { role: this.role() }),
        ...(this.status() === undefined ? {} : { status: this.status() }),
      }),
    );
  }

  protected onSearch(value: string): void {
    this.searches.next(value);
  }

  /** `''` is "any role". */
  protected filterByRole(role: Role | ''): void {
    this.role.set(role === '' ? undefined : role);
    this.page.set(1);
    this.reload();
  }

  /** `''` is "any status". */
  protected filterByStatus(status: UserStatus | ''): void {
    this.status.set(status === '' ? undefined : status);
    this.page.set(1);
    this.reload();
  }

  protected changePage(page: number): void {
    this.page.set(page);
    this.reload();
  }

  protected readonly trackById = (_index: number, user: User): string => user.id;

  protected roleLabel(user: User): string {
    return ROLE_LABELS[user.role];
  }

  protected isMe(user: User): boolean {
    return user.id === this.session.user()?.id;
  }

  protected addUser(): void {
    this.dialog
      .open<UserCreateDialog, undefined, User>(UserCreateDialog, { width: '520px' })
      .afterClosed()
      .pipe(filter((user): user is User => user !== undefined))
      .subscribe((user) => {
        this.snackBar.open(`${user.name} can now sign in as ${ROLE_LABELS[user.role]}`, 'OK', {
          duration: 5000,
        });
        this.reload();
      });
  }

  protected changeRole(user: User, role: Role): void {
    const self = this.isMe(user);
    this.confirmThen(
      {
        title: `Make ${user.name} ${ROLE_LABELS[role].toLowerCase()}?`,
        message:
          role === 'admin'
            ? 'Administrators manage users, the knowledge base, bot settings and see every log.'
            : self
              ? 'You will lose access to administration as soon as you confirm.'
              : 'They keep chat, tickets and drafts, and lose access to administration.',
        confirmLabel: 'Change role',
      },
      user,
      () => this.api.update(user.id, { role }),
      (updated) => `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}`,
    );
  }

  protected disable(user: User): void {
    this.confirmThen(
      {
        title: `Disable ${user.name}?`,
        message: this.isMe(user)
          ? 'You will be signed out at once and cannot sign in again until another administrator enables your account.'
          : 'They are signed out everywhere at once and cannot sign in until enabled again.',
        confirmLabel: 'Disable',
        destructive: true,
      },
      user,
      () => this.api.disable(user.id),
      (updated) => `${updated.name} is disabled`,
    );
  }

  protected enable(user: User): void {
    this.run(user, this.api.enable(user.id), (updated) => `${updated.name} can sign in again`);
  }

  protected unlock(user: User): void {
    this.run(user, this.api.unlock(user.id), (updated) => `${updated.name} is unlocked`);
  }

  protected resetPassword(user: User): void {
    this.dialog
      .open<ResetPasswordDialog, User, User>(ResetPasswordDialog, { data: user, width: '480px' })
      .afterClosed()
      .pipe(filter((updated): updated is User => updated !== undefined))
      .subscribe((updated) => {
        this.replace(updated);
        this.snackBar.open(`New password set for ${updated.name}`, 'OK', { duration: 5000 });
      });
  }

  protected dismissError(): void {
    this.actionError.set(undefined);
  }

  private confirmThen(
    options: Parameters<typeof confirmAction>[1],
    user: User,
    action: () => Observable<User>,
    done: (user: User) => string,
  ): void {
    confirmAction(this.dialog, options)
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => {
        this.run(user, action(), done);
      });
  }

  private run(user: User, action: Observable<User>, done: (user: User) => string): void {
    this.busyId.set(user.id);
    this.actionError.set(undefined);
    action.subscribe({
      next: (updated) => {
        this.busyId.set(undefined);
        this.replace(updated);
        this.snackBar.open(done(updated), 'OK', { duration: 5000 });
      },
      error: (error: unknown) => {
        this.busyId.set(undefined);
        this.actionError.set(`${user.name}: ${describeHttpError(error)}`);
      },
    });
  }

  private replace(updated: User): void {
    const page = this.users.value();
    if (page !== undefined) {
      this.users.set({
        ...page,
        items: page.items.map((user) => (user.id === updated.id ? updated : user)),
      });
    }
    this.session.updateUser(updated);
  }
}
