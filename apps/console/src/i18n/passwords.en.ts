/** English messages of passwords: changing one's own, a forgotten one, reset and invitation links. */
export const passwordsEn = {
  cascade: {
    passwords: {
      change_title: 'Change password',
      change_intro: 'After the change, you stay signed in here and every other device is signed out.',
      current: 'Current password',
      new: 'New password',
      confirm: 'Repeat the new password',
      rule: 'At least 10 characters and hard to guess: a phrase of several unrelated words works well.',
      too_short: 'At least 10 characters',
      mismatch: 'The two passwords differ',
      change_submit: 'Change password',
      changed: 'Your password is changed. Other devices are signed out.',
      forgot_link: 'Forgot your password?',
      forgot_title: 'Forgot your password',
      forgot_intro:
        'Enter the email you sign in with. If it belongs to an account, a link to choose a new password is on its way; it is valid for one hour.',
      forgot_submit: 'Send the link',
      forgot_sent: 'If an account uses this email, a link to choose a new password has been sent. Check your inbox.',
      back_to_login: 'Back to sign-in',
      set_title: 'Choose your password',
      set_intro: 'Choose the password you will sign in with. The link works once.',
      set_submit: 'Save password',
      set_done: 'Your password is saved. Sign in with it now.',
      go_to_login: 'Sign in',
      no_token: 'This page opens from the link in your email. Open the link again, or ask for a new one.',
      ask_again: 'Ask for a new link',
      send_reset: 'Send password reset link',
      reset_sent: 'A link to choose a new password was emailed to %{email}.',
    },
  },
};
