-- When each departure's travellers come home (yyyy-mm-dd): the day after, they are greeted.
CREATE TABLE trips (
  tour_code text NOT NULL,
  departure_date text NOT NULL,
  return_date text NOT NULL,
  PRIMARY KEY (tour_code, departure_date)
);
-- Greetings are scheduled for the trips returning from a day on.
CREATE INDEX trips_return ON trips (return_date);
