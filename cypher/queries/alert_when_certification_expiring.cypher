// Alert condition `certification expiring`: a certification held by a contact
// working for a partner (of $partners; all when null) expires on or before
// $until (today + the rule's days), or has expired.
MATCH (course:Course)<-[cert:CERTIFIED]-(c:Contact)-[:WORKS_FOR]->(p:Partner)
WHERE cert.expiresDate IS NOT NULL AND cert.expiresDate <= $until
  AND ($partners IS NULL OR p.id IN $partners)
RETURN 'Certification' AS subjectType, c.id + '->' + course.id AS subjectId,
       p.id AS partnerId,
       {contactId: c.id, contactName: c.name, courseId: course.id, courseName: course.name,
        expiresDate: toString(cert.expiresDate)} AS detail
