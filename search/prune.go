package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/util"
	bolt "go.etcd.io/bbolt"
)

// A closed scorch index can hold more than its live data: scorch keeps
// older snapshots in its root bolt file for rollback, and deletes the
// segment files (*.zap) that merges replaced only when no reader has them
// open and its persister happens to run its cleanup; the files of the
// merges that finish while the index closes are never deleted. One ingest
// measured 150 MB on disk for an index whose live segments took 83 MB.
//
// pruneGeneration is run on a finished generation, after the bleve index
// is closed and before the generation is made live: it keeps only the
// newest snapshot in the root bolt (the one scorch opens; older ones are
// only for rollback, which we never do: a generation is replaced as a
// whole) and removes every segment file that snapshot does not name. The
// layout read here (bucket "s" of snapshots, one sub-bucket per segment
// whose key "p" is its file name) is scorch's own, through bleve's util
// constants; TestPruneGeneration checks it against the version we build
// with.
func pruneGeneration(genDir string) error {
	store := filepath.Join(genDir, "store")
	db, err := openRoot(store, false)
	if err != nil {
		return fmt.Errorf("prune %s: %w", genDir, err)
	}
	var live map[string]bool
	err = db.Update(func(tx *bolt.Tx) error {
		var newest []byte
		live, newest, err = liveSegments(tx)
		if err != nil || newest == nil {
			return err
		}
		snaps := tx.Bucket(util.BoltSnapshotsBucket)
		var old [][]byte
		c := snaps.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if string(k) != string(newest) {
				old = append(old, append([]byte(nil), k...))
			}
		}
		for _, k := range old {
			if snaps.Bucket(k) != nil {
				err = snaps.DeleteBucket(k)
			} else {
				err = snaps.Delete(k)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = compactRoot(store)
	}
	if err != nil {
		return fmt.Errorf("prune %s: %w", genDir, err)
	}
	stray, err := straySegments(store, live)
	if err != nil {
		return fmt.Errorf("prune %s: %w", genDir, err)
	}
	for _, name := range stray {
		if err := os.Remove(filepath.Join(store, name)); err != nil {
			return fmt.Errorf("prune %s: %w", genDir, err)
		}
	}
	return nil
}

// compactRoot rewrites the root bolt file without the pages the deleted
// snapshots left free: bolt never shrinks a file, and how far it had grown
// depended on how many snapshots the build went through (512 KB or 1 MB
// for the same small index).
func compactRoot(store string) error {
	src, err := openRoot(store, true)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := filepath.Join(store, "root.bolt.compact")
	os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	err = bolt.Compact(dst, src, 0)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(store, "root.bolt"))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

func openRoot(store string, readOnly bool) (*bolt.DB, error) {
	root := filepath.Join(store, "root.bolt")
	if _, err := os.Stat(root); err != nil {
		return nil, err
	}
	return bolt.Open(root, 0o600, &bolt.Options{Timeout: 5 * time.Second, ReadOnly: readOnly})
}

// liveSegments returns the segment files the newest snapshot names, and
// that snapshot's key (nil when there is none).
func liveSegments(tx *bolt.Tx) (map[string]bool, []byte, error) {
	live := map[string]bool{}
	snaps := tx.Bucket(util.BoltSnapshotsBucket)
	if snaps == nil {
		return live, nil, nil
	}
	newest, _ := snaps.Cursor().Last()
	if newest == nil {
		return live, nil, nil
	}
	snap := snaps.Bucket(newest)
	if snap == nil {
		return nil, nil, errors.New("newest snapshot is not a bucket")
	}
	err := snap.ForEachBucket(func(k []byte) error {
		if k[0] == util.BoltInternalKey[0] || k[0] == util.BoltMetaDataKey[0] {
			return nil // the internal values and the segment format, not segments
		}
		if p := snap.Bucket(k).Get(util.BoltPathKey); p != nil {
			live[string(p)] = true
		}
		return nil
	})
	return live, append([]byte(nil), newest...), err
}

// straySegments lists the segment files in store that live does not name.
func straySegments(store string, live map[string]bool) ([]string, error) {
	ents, err := os.ReadDir(store)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".zap") && !live[e.Name()] {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// Orphans lists what an index directory holds that no generation needs:
// leftovers of killed writers (*.tmp) and, in each committed generation,
// segment files its index does not reference. Paths are relative to dir.
// An index built by a finished ingest has none.
func Orphans(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			out = append(out, e.Name())
		}
	}
	gens, err := generations(dir)
	if err != nil {
		return nil, err
	}
	for _, n := range gens {
		store := filepath.Join(dir, genName(n), "store")
		db, err := openRoot(store, true)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", genName(n), err)
		}
		var live map[string]bool
		err = db.View(func(tx *bolt.Tx) error {
			live, _, err = liveSegments(tx)
			return err
		})
		db.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", genName(n), err)
		}
		stray, err := straySegments(store, live)
		if err != nil {
			return nil, err
		}
		for _, s := range stray {
			out = append(out, filepath.Join(genName(n), "store", s))
		}
	}
	return out, nil
}
