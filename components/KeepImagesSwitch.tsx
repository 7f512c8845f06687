import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { IMAGE_HOST_ORIGINS, KEEP_IMAGES_KEY } from '@/utils/archive/image-fetch';
import { t } from '@/utils/ui/i18n';

/**
 * "Keep images offline": on means images from other hosts (CDNs) are fetched and kept too, which
 * needs host access. The permission is asked for here, from the click (a user gesture), once; the
 * switch is on by default once it is granted, and turning it off stops keeping any images.
 * Self-contained, for the settings page's marked place.
 */
export function KeepImagesSwitch() {
  const [on, setOn] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    void Promise.all([
      browser.permissions.contains({ origins: IMAGE_HOST_ORIGINS }),
      browser.storage.local.get(KEEP_IMAGES_KEY),
    ]).then(([granted, stored]) => setOn(granted && stored[KEEP_IMAGES_KEY] !== false));
  }, []);

  const toggle = async (wanted: boolean) => {
    setDenied(false);
    if (wanted) {
      // permissions.request must be the first thing the click does (a user gesture)
      const granted = await browser.permissions.request({ origins: IMAGE_HOST_ORIGINS });
      if (!granted) {
        setDenied(true);
        setOn(false);
        return;
      }
    }
    await browser.storage.local.set({ [KEEP_IMAGES_KEY]: wanted });
    setOn(wanted);
  };

  return (
    <div className="keep-images" data-testid="keep-images">
      <label>
        <input
          type="checkbox"
          checked={on ?? false}
          disabled={on === null}
          onChange={(event) => void toggle(event.target.checked)}
          data-testid="keep-images-switch"
        />{' '}
        {t('fidelity_keep_images')}
      </label>
      <p className="reader-meta">{t('fidelity_keep_images_explain')}</p>
      {denied && (
        <p role="alert" data-testid="keep-images-denied">
          {t('fidelity_keep_images_denied')}
        </p>
      )}
    </div>
  );
}
